package com.privacyplatform.consent.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.time.PlatformClock;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Unit slice of the check: it fails closed, and a past expiry denies before any scan ran. */
class CheckFailsClosedTest {

    private static final UUID PARTNER = UUID.randomUUID();
    private static final PlatformClock CLOCK = new PlatformClock(Clock.systemUTC());

    @Test
    @Verifies(value = "3.4.b", exercises = "CheckService#check")
    void aDatabaseErrorIsADenialNeverAnAllow() {
        CheckService service = new CheckService(repository(Uni.createFrom().failure(new IllegalStateException("db down"))),
                Duration.ofSeconds(1), CLOCK);
        CheckResult result = service.check(PARTNER, "s", "analytics", "user.device.identifier").await().indefinitely();
        assertThat(result.allowed()).isFalse();
        assertThat(result.reason()).isEqualTo(CheckReason.CHECK_UNAVAILABLE);
    }

    @Test
    @Verifies(value = "3.4.b", exercises = "CheckService#check")
    void aSlowReadIsADenialAfterTheTimeout() {
        CheckService service = new CheckService(repository(Uni.createFrom().nothing()), Duration.ofMillis(100), CLOCK);
        CheckResult result = service.check(PARTNER, "s", "analytics", "user.device.identifier")
                .await().atMost(Duration.ofSeconds(5));
        assertThat(result.reason()).isEqualTo(CheckReason.CHECK_UNAVAILABLE);
    }

    @Test
    @Verifies("3.4.b")
    void aRepositoryThatThrowsIsADenial() {
        CheckRepository throwing = new CheckRepository(null) {
            @Override
            public Uni<CheckRow> find(UUID partnerId, String subjectId, String purpose, String category) {
                throw new IllegalStateException("pool closed");
            }
        };
        assertThat(new CheckService(throwing, Duration.ofSeconds(1), CLOCK).check(PARTNER, "s", "analytics", "x")
                .await().indefinitely().reason()).isEqualTo(CheckReason.CHECK_UNAVAILABLE);
    }

    @Test
    @Verifies(value = "3.2.a", exercises = "CheckDecider#decide")
    void aGrantedConsentPastItsExpiryDeniesEvenBeforeTheScan() {
        CheckRow expired = new CheckRow("ACTIVE", false, true, UUID.randomUUID(), "GRANTED",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), true, "CONSENT");
        assertThat(CheckDecider.decide(expired, "analytics", Instant.now()).reason())
                .isEqualTo(CheckReason.CONSENT_EXPIRED);
        CheckRow valid = new CheckRow("ACTIVE", false, true, UUID.randomUUID(), "GRANTED",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), true, "CONSENT");
        assertThat(CheckDecider.decide(valid, "analytics", Instant.now()).allowed()).isTrue();
    }

    private static CheckRepository repository(Uni<CheckRow> answer) {
        return new CheckRepository(null) {
            @Override
            public Uni<CheckRow> find(UUID partnerId, String subjectId, String purpose, String category) {
                return answer;
            }
        };
    }
}

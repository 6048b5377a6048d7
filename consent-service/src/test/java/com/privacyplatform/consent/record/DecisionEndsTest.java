package com.privacyplatform.consent.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.consent.record.DecisionEnds.End;
import com.privacyplatform.consent.record.DecisionEnds.Kind;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a consent ended, decision by decision: a plain unit test of the rule the recording enforces. */
class DecisionEndsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 6, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    @Verifies(value = "3.5.a", exercises = "DecisionEnds#latestByPurpose")
    void aRevocationEndsAtTheMomentTheConsentWasRevoked() {
        Consent revoked = decision("analytics", Decision.GRANTED, ConsentState.REVOKED, NOW.minusDays(3), null,
                NOW.minusHours(2));
        assertThat(DecisionEnds.latestByPurpose(List.of(revoked), NOW))
                .containsExactly(Map.entry("analytics", new End(Kind.REVOCATION, NOW.minusHours(2), revoked.id)));
    }

    @Test
    @Verifies(value = "1.2", exercises = "DecisionEnds#latestByPurpose")
    void aRefusalEndsWhenItWasCollectedAlsoAfterItWasSuperseded() {
        Consent refusal = decision("analytics", Decision.REFUSED, ConsentState.SUPERSEDED, NOW.minusDays(2), null,
                NOW.minusDays(1));
        assertThat(DecisionEnds.latestByPurpose(List.of(refusal), NOW).get("analytics"))
                .isEqualTo(new End(Kind.REFUSAL, NOW.minusDays(2), refusal.id));
    }

    @Test
    @Verifies("3.2.b")
    void anExpiryCountsOnlyWhenItHappenedWhileTheConsentWasInForce() {
        Consent expired = decision("a", Decision.GRANTED, ConsentState.EXPIRED, NOW.minusDays(9), NOW.minusDays(1),
                NOW.minusHours(23));
        Consent pastButNotScanned = decision("b", Decision.GRANTED, ConsentState.GRANTED, NOW.minusDays(9),
                NOW.minusMinutes(5), NOW.minusDays(9));
        Consent stillValid = decision("c", Decision.GRANTED, ConsentState.GRANTED, NOW.minusDays(9), NOW.plusDays(1),
                NOW.minusDays(9));
        Consent supersededBeforeItsExpiry = decision("d", Decision.GRANTED, ConsentState.SUPERSEDED, NOW.minusDays(9),
                NOW.minusDays(1), NOW.minusDays(2));
        Consent supersededAfterItsExpiry = decision("e", Decision.GRANTED, ConsentState.SUPERSEDED, NOW.minusDays(9),
                NOW.minusDays(3), NOW.minusDays(2));
        Consent revokedBeforeItsExpiry = decision("f", Decision.GRANTED, ConsentState.REVOKED, NOW.minusDays(9),
                NOW.minusDays(1), NOW.minusDays(4));
        Map<String, End> ends = DecisionEnds.latestByPurpose(List.of(expired, pastButNotScanned, stillValid,
                supersededBeforeItsExpiry, supersededAfterItsExpiry, revokedBeforeItsExpiry), NOW);
        assertThat(ends.get("a")).isEqualTo(new End(Kind.EXPIRY, NOW.minusDays(1), expired.id));
        assertThat(ends.get("b")).isEqualTo(new End(Kind.EXPIRY, NOW.minusMinutes(5), pastButNotScanned.id));
        assertThat(ends).doesNotContainKeys("c", "d");
        assertThat(ends.get("e")).isEqualTo(new End(Kind.EXPIRY, NOW.minusDays(3), supersededAfterItsExpiry.id));
        // revoked before it would have expired: the revocation ended it, the later expiry date never came into force
        assertThat(ends.get("f")).isEqualTo(new End(Kind.REVOCATION, NOW.minusDays(4), revokedBeforeItsExpiry.id));
    }

    @Test
    void theLatestEndOfEachPurposeCountsAndALiveGrantEndsNothing() {
        Consent oldRefusal = decision("analytics", Decision.REFUSED, ConsentState.SUPERSEDED, NOW.minusDays(20), null,
                NOW.minusDays(19));
        Consent revoked = decision("analytics", Decision.GRANTED, ConsentState.REVOKED, NOW.minusDays(19), null,
                NOW.minusDays(10));
        Consent liveGrant = decision("analytics", Decision.GRANTED, ConsentState.GRANTED, NOW.minusDays(5), null,
                NOW.minusDays(5));
        Consent otherPurpose = decision("marketing.communications", Decision.REFUSED, ConsentState.REFUSED,
                NOW.minusDays(1), null, NOW.minusDays(1));
        Map<String, End> ends = DecisionEnds.latestByPurpose(List.of(liveGrant, revoked, oldRefusal, otherPurpose), NOW);
        assertThat(ends.get("analytics")).isEqualTo(new End(Kind.REVOCATION, NOW.minusDays(10), revoked.id));
        assertThat(ends.get("marketing.communications").kind()).isEqualTo(Kind.REFUSAL);
        assertThat(DecisionEnds.latestByPurpose(List.of(liveGrant), NOW)).isEmpty();
    }

    @Test
    void eachKindNamesTheClauseABackdatedDecisionWouldBreak() {
        assertThat(Kind.REVOCATION.clause()).isEqualTo("3.5.a");
        assertThat(Kind.REFUSAL.clause()).isEqualTo("1.2");
        assertThat(Kind.EXPIRY.clause()).isEqualTo("3.2.b");
    }

    private static Consent decision(String purpose, Decision decision, ConsentState state, OffsetDateTime collectedAt,
            OffsetDateTime expiresAt, OffsetDateTime stateChangedAt) {
        Consent c = new Consent();
        c.id = UUID.randomUUID();
        c.purpose = purpose;
        c.decision = decision;
        c.state = state;
        c.collectedAt = collectedAt;
        c.expiresAt = expiresAt;
        c.stateChangedAt = stateChangedAt;
        return c;
    }
}

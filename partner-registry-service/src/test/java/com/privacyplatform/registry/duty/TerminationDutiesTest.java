package com.privacyplatform.registry.duty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.registry.support.Fixtures;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 3.5.d: dsr-service's dsr.termination-deletion-completed reaches the partner's record once; the
 * partner view and the snapshot (which the gateway bootstraps from) show it.
 */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class TerminationDutiesTest {

    private static final String TYPE = "dsr.termination-deletion-completed";

    @Test
    @Verifies(value = "3.5.d", exercises = "TerminationDuties#completed")
    void theEndOfATerminatedPartnersDeletionWorkIsRecordedOnceAndShown() throws Exception {
        UUID partner = Fixtures.partner("TERMINATED", true);
        given().get("/partners/" + partner).then().statusCode(200).body("terminationDeletionCompletedAt", nullValue());
        Instant completed = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        byte[] event = event(partner, completed);
        try (TestBroker broker = new TestBroker()) {
            broker.publish(TYPE, event);
            broker.publish(TYPE, event); // redelivered: applied once
            broker.publish(TYPE, event(partner, completed.plusSeconds(30))); // a later repeat: the first stays
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/partners/" + partner).then()
                .statusCode(200).body("terminationDeletionCompletedAt", equalTo(completed.toString())));
        given().get("/partner-snapshots?limit=500").then().statusCode(200)
                .body("items.findAll { it.partnerId == '" + partner + "' }.terminationDeletionCompletedAt",
                        hasItem(completed.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestDb.count("SELECT count(*) FROM platform_audit_record"
                + " WHERE action = 'partner.termination-deletion-completed' AND target_id = ?", partner.toString()) == 1);
        assertThat(TestDb.single("SELECT status FROM partner WHERE id = ?::uuid", partner.toString()))
                .isEqualTo("TERMINATED");
    }

    @Test
    @Verifies("3.5.d")
    void aPartnerThatIsNotTerminatedIsNotMarked() throws Exception {
        UUID active = Fixtures.partner("ACTIVE", true);
        UUID terminated = Fixtures.partner("TERMINATED", true);
        try (TestBroker broker = new TestBroker()) {
            broker.publish(TYPE, event(active, Instant.now()));
            broker.publish(TYPE, event(terminated, Instant.now())); // sent after it: its effect shows the first was handled
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> TestDb.single("SELECT termination_deletion_completed_at"
                + " FROM partner WHERE id = ?::uuid", terminated.toString()) != null);
        given().get("/partners/" + active).then().statusCode(200).body("terminationDeletionCompletedAt", nullValue());
    }

    private static byte[] event(UUID partner, Instant completedAt) {
        return CloudEventCodec.encode(UUID.randomUUID(), TYPE, "/dsr-service", partner.toString(),
                OffsetDateTime.now(ZoneOffset.UTC), "{\"partnerId\":\"" + partner + "\",\"requests\":2,"
                        + "\"completedAt\":\"" + completedAt + "\"}");
    }
}

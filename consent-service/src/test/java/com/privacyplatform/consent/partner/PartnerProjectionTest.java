package com.privacyplatform.consent.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.consent.support.Events;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.consent.support.Registry;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The partner projection fed by real partner.* events on the broker, and what it changes in the check. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class PartnerProjectionTest {

    static final String LIFECYCLE = "c0a5e000-0000-4000-8000-000000000201";
    static final String SCOPED = "c0a5e000-0000-4000-8000-000000000202";
    static final String TERMINATED = "c0a5e000-0000-4000-8000-000000000203";
    static final String REDELIVERED = "c0a5e000-0000-4000-8000-000000000204";
    static final String ADM_WITHDRAWN = "c0a5e000-0000-4000-8000-000000000205";

    @Test
    @Verifies("3.4.j")
    void suspensionDeniesChecksAndReinstatementRestoresThemIgnoringOlderStatusFacts() {
        Registry.activate(LIFECYCLE, 1, false, Fixtures.SCOPE_B);
        String subject = Fixtures.subject();
        Fixtures.consent(LIFECYCLE, subject, "analytics", "GRANTED", null, "user.device.identifier");
        check(LIFECYCLE, subject, "analytics", "user.device.identifier").body("decision", equalTo("ALLOW"));

        Instant suspendedAt = Instant.now();
        Registry.status("partner.suspended", LIFECYCLE, "ACTIVE", "SUSPENDED", "audit finding overdue", suspendedAt);
        check(LIFECYCLE, subject, "analytics", "user.device.identifier")
                .body("decision", equalTo("DENY")).body("reason", equalTo("PARTNER_SUSPENDED"))
                .body("clause", equalTo("3.4.j"));

        // a reinstatement older than the suspension arrives late: ignored
        Registry.status("partner.reinstated", LIFECYCLE, "SUSPENDED", "ACTIVE", "stale", suspendedAt.minusSeconds(60));
        check(LIFECYCLE, subject, "analytics", "user.device.identifier").body("reason", equalTo("PARTNER_SUSPENDED"));

        Registry.status("partner.reinstated", LIFECYCLE, "SUSPENDED", "ACTIVE", "rectified", suspendedAt.plusSeconds(1));
        check(LIFECYCLE, subject, "analytics", "user.device.identifier").body("decision", equalTo("ALLOW"));
    }

    @Test
    @Verifies(value = {"3.1.b", "3.2.a"}, exercises = "PartnerEventsConsumer#scopeChanged")
    void aNarrowerScopeDeniesWhatItNoLongerPermitsAndOlderScopeVersionsAreIgnored() {
        Registry.activate(SCOPED, 1, false, Map.of("analytics",
                new String[] {"user.device.identifier", "user.behavior.browsing"}));
        String subject = Fixtures.subject();
        Fixtures.consent(SCOPED, subject, "analytics", "GRANTED", null, "user.device.identifier",
                "user.behavior.browsing");
        check(SCOPED, subject, "analytics", "user.behavior.browsing").body("decision", equalTo("ALLOW"));

        Registry.scopeChanged(SCOPED, "ACTIVE", 3, false, Map.of("analytics", new String[] {"user.device.identifier"}));
        check(SCOPED, subject, "analytics", "user.behavior.browsing")
                .body("decision", equalTo("DENY")).body("reason", equalTo("OUT_OF_SCOPE"));
        check(SCOPED, subject, "analytics", "user.device.identifier").body("decision", equalTo("ALLOW"));

        // version 2 (wider) is older than the stored version 3: ignored
        Registry.scopeChanged(SCOPED, "ACTIVE", 2, false, Map.of("analytics",
                new String[] {"user.device.identifier", "user.behavior.browsing"}));
        check(SCOPED, subject, "analytics", "user.behavior.browsing").body("reason", equalTo("OUT_OF_SCOPE"));
        assertThat(TestDb.single("SELECT scope_version FROM partner_projection WHERE partner_id = ?::uuid", SCOPED))
                .isEqualTo(3);
    }

    @Test
    @Verifies(value = "3.2.c", exercises = "PartnerEventsConsumer#scopeChanged")
    void aWithdrawnAutomatedDecisionAuthorizationDeniesAutomatedDecisionsAtOnce() {
        Registry.activate(ADM_WITHDRAWN, 1, true, Map.of("automated_decision_making",
                new String[] {"user.financial.credit"}, "analytics", new String[] {"user.device.identifier"}));
        String subject = Fixtures.subject();
        Fixtures.consent(ADM_WITHDRAWN, subject, "automated_decision_making", "GRANTED", null, "user.financial.credit");
        check(ADM_WITHDRAWN, subject, "automated_decision_making", "user.financial.credit")
                .body("decision", equalTo("ALLOW"));

        // the registry withdraws the authorization and drops the purpose from the scope in one change
        Registry.scopeChanged(ADM_WITHDRAWN, "ACTIVE", 2, false, Map.of("analytics",
                new String[] {"user.device.identifier"}));
        check(ADM_WITHDRAWN, subject, "automated_decision_making", "user.financial.credit")
                .body("decision", equalTo("DENY")).body("reason", equalTo("AUTOMATED_DECISIONS_NOT_AUTHORIZED"))
                .body("clause", equalTo("3.2.c"));
        assertThat(TestDb.single("SELECT adm_authorized FROM partner_projection WHERE partner_id = ?::uuid",
                ADM_WITHDRAWN)).isEqualTo(false);
    }

    @Test
    @Verifies(value = "3.5.d", exercises = {"Revocations#revokeRemainingOfTerminatedPartner", "PartnerEventsConsumer#terminated"})
    void terminationRevokesEveryGrantedConsentWithTheReasonAndPublishesEach() {
        Registry.activate(TERMINATED, 1, false, Fixtures.SCOPE_B);
        String subject = Fixtures.subject();
        String first = Fixtures.consent(TERMINATED, subject, "analytics", "GRANTED", null, "user.device.identifier");
        String second = Fixtures.consent(TERMINATED, subject, "payment_processing", "GRANTED", null, "user.name");
        String refused = Fixtures.consent(TERMINATED, Fixtures.subject(), "analytics", "REFUSED", null,
                "user.device.identifier");
        // 3.5.d: the subject's express consent to retention after the cooperation outlives the termination
        String retention = Fixtures.consent(TERMINATED, subject, "retention_after_cooperation", "GRANTED", null,
                "user.name");
        try (Events events = new Events("consent.revoked")) {
            Registry.status("partner.terminated", TERMINATED, "ACTIVE", "TERMINATED", "contract ended", Instant.now());
            List<JsonNode> revoked = events.forConsents(List.of(first, second), 2, Duration.ofSeconds(10));
            assertThat(revoked).hasSize(2).allSatisfy(e ->
                    assertThat(e.get("data").get("revokedBy").asText()).isEqualTo("PARTNER_TERMINATED"));
        }
        assertThat(TestDb.rows("SELECT state FROM consent WHERE id IN (?::uuid, ?::uuid)", first, second))
                .allSatisfy(row -> assertThat(row.get(0)).isEqualTo("REVOKED"));
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", refused)).isEqualTo("REFUSED");
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", retention)).isEqualTo("GRANTED");
        assertThat(TestDb.count("SELECT count(*) FROM consent_history WHERE consent_id = ?::uuid AND cause ="
                + " 'PARTNER_TERMINATED'", retention)).isZero();
        assertThat(TestDb.single("SELECT reason FROM consent_history WHERE consent_id = ?::uuid AND cause ="
                + " 'PARTNER_TERMINATED'", first)).isEqualTo("partner terminated: contract ended");
        check(TERMINATED, subject, "analytics", "user.device.identifier")
                .body("decision", equalTo("DENY")).body("reason", equalTo("PARTNER_TERMINATED"))
                .body("clause", equalTo("3.5.d"));
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndAnUnreadableOneDoesNotStopTheConsumer() {
        Registry.activate(REDELIVERED, 1, false, Fixtures.SCOPE_B);
        String consent = Fixtures.consent(REDELIVERED, Fixtures.subject(), "analytics", "GRANTED", null,
                "user.device.identifier");
        UUID eventId = Ids.newId();
        byte[] terminated = CloudEventCodec.encode(eventId, "partner.terminated", Registry.SOURCE, REDELIVERED,
                OffsetDateTime.now(ZoneOffset.UTC), Registry.statusJson(REDELIVERED, "ACTIVE", "TERMINATED", "fraud",
                        Instant.now()));
        Registry.publishRaw("partner.terminated", terminated);
        Registry.publishRaw("partner.terminated", terminated);
        Registry.publishRaw("partner.suspended", "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8));
        Registry.awaitProcessed(eventId);
        // a later event behind the duplicate and the garbage is processed: the consumer kept going
        Registry.scopeChanged(REDELIVERED, "TERMINATED", 2, false, Fixtures.SCOPE_B);

        assertThat(TestDb.count("SELECT count(*) FROM platform_inbox WHERE event_id = ?::uuid", eventId.toString()))
                .isEqualTo(1);
        assertThat(TestDb.count("SELECT count(*) FROM consent_history WHERE consent_id = ?::uuid", consent))
                .isEqualTo(2);
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE subject = ? AND type = 'consent.revoked'",
                consent)).isEqualTo(1);
    }

    static ValidatableResponse check(String partnerId, String subject, String purpose, String category) {
        return given().contentType(ContentType.JSON).body("{\"partnerId\":\"" + partnerId + "\",\"subjectId\":\""
                        + subject + "\",\"purpose\":\"" + purpose + "\",\"category\":\"" + category + "\"}")
                .post("/consents/check").then().statusCode(200);
    }
}

package com.privacyplatform.dsr.holding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.dsr.support.Events;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Publish;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * REVOKE_AUTHORIZATION (3.5.a) against the consent projection fed by real consent-service
 * CloudEvents: dsr.revocation-requested out, consent.revoked (with requestId) back in.
 */
@QuarkusTest
class RevocationTest {

    static final String REVOKER = "5b000000-0000-4000-8000-000000000701";
    static final String PICKY = "5b000000-0000-4000-8000-000000000702";

    private static void awaitHolding(UUID consentId, String status) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestDb.single(
                "SELECT status FROM consent_holding WHERE consent_id = ?::uuid", consentId.toString())).isEqualTo(status));
    }

    @Test
    @TestSecurity(user = REVOKER, roles = "data-subject")
    @Verifies(value = "3.5.a", exercises = "Revocations#start")
    void revokingAuthorizationAsksConsentServiceAndCompletesWhenEveryTargetedConsentIsConfirmedRevoked() {
        UUID a = Fixtures.newPartner();
        UUID b = Fixtures.newPartner();
        UUID c1 = Ids.newId();
        UUID c2 = Ids.newId();
        UUID c3 = Ids.newId();
        Publish.consentGranted(c1, a, REVOKER, "marketing.communications", List.of("user.contact.email"), List.of());
        Publish.consentGranted(c2, b, REVOKER, "analytics", List.of("user.behavior.browsing"),
                List.of(Publish.recipient("Ads Ltd", "GB")));
        Publish.consentGranted(c3, b, REVOKER, "personalization", List.of("user.behavior.browsing"), List.of());
        Publish.consentRevoked(c3, b, REVOKER, null);
        awaitHolding(c1, "ACTIVE");
        awaitHolding(c2, "ACTIVE");
        awaitHolding(c3, "REVOKED");

        try (Events events = new Events("dsr.#")) {
            String id = given().contentType(ContentType.JSON).body("{\"type\":\"REVOKE_AUTHORIZATION\"}")
                    .post("/requests").then().statusCode(201).body("status", equalTo("OPEN"))
                    .body("tasks", hasSize(0)).body("revocation.consents", equalTo(2))
                    .body("revocation.confirmed", equalTo(0)).extract().path("id");
            JsonNode asked = events.forSubject(id, 1, Duration.ofSeconds(10), "dsr.revocation-requested").get(0);
            assertThat(asked.get("data").get("requestId").asText()).isEqualTo(id);
            assertThat(asked.get("data").get("subjectId").asText()).isEqualTo(REVOKER);
            assertThat(asked.get("data").get("partnerIds")).isEmpty();

            Publish.consentRevoked(c1, a, REVOKER, UUID.fromString(id));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/requests/" + id).then()
                    .body("revocation.confirmed", equalTo(1)).body("status", equalTo("OPEN")));
            Publish.consentRevoked(c2, b, REVOKER, UUID.fromString(id));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/requests/" + id).then()
                    .body("status", equalTo("COMPLETED")).body("outcome", equalTo("FULFILLED")));
            JsonNode completed = events.forSubject(id, 1, Duration.ofSeconds(10), "dsr.completed").get(0);
            assertThat(completed.get("data").get("type").asText()).isEqualTo("REVOKE_AUTHORIZATION");
        }
        assertThat(TestDb.single("SELECT ended_by_request_id::text FROM consent_holding WHERE consent_id = ?::uuid",
                c1.toString())).isNotNull();
    }

    @Test
    @TestSecurity(user = PICKY, roles = "data-subject")
    void aRevocationForChosenPartnersTargetsOnlyTheirActiveConsentsAndAnExpiryEndsOneToo() {
        UUID a = Fixtures.newPartner();
        UUID b = Fixtures.newPartner();
        UUID gone = Fixtures.newPartner();
        UUID ofA = Fixtures.holding(a, PICKY, "user.name");
        Fixtures.holding(b, PICKY, "user.name");
        Fixtures.holding(gone, PICKY, "REVOKED", "analytics", List.of("user.name"), null);
        given().contentType(ContentType.JSON).body("{\"type\":\"REVOKE_AUTHORIZATION\",\"partnerIds\":[\"" + gone
                + "\"]}").post("/requests").then().statusCode(422).body("errors[0].message",
                equalTo("holds no active consent of the subject"));
        try (Events events = new Events("dsr.revocation-requested")) {
            String id = given().contentType(ContentType.JSON).body("{\"type\":\"REVOKE_AUTHORIZATION\","
                    + "\"partnerIds\":[\"" + a + "\"]}").post("/requests").then().statusCode(201)
                    .body("revocation.consents", equalTo(1)).extract().path("id");
            JsonNode asked = events.forSubject(id, 1, Duration.ofSeconds(10)).get(0);
            assertThat(asked.get("data").get("partnerIds").get(0).asText()).isEqualTo(a.toString());
            Publish.consentExpired(ofA, a, PICKY);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/requests/" + id).then()
                    .body("status", equalTo("COMPLETED")));
        }
    }

    @Test
    void consentEventsOutOfOrderNeverReviveAConsentAndAPoisonMessageDoesNotStopTheQueue() throws Exception {
        UUID partner = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        UUID consent = Ids.newId();
        try (TestBroker broker = new TestBroker()) {
            broker.publish("consent.granted", "this is not a CloudEvent".getBytes());
        }
        Publish.send("consent.granted", "/consent-service", "x", java.util.Map.of("consentId", "not-a-uuid"));
        Publish.consentRevoked(consent, partner, subject, null);
        Publish.consentGranted(consent, partner, subject, "analytics", List.of("user.behavior.browsing"),
                List.of(Publish.recipient("Ads Ltd", "GB"), Publish.recipient("Nowhere Inc", "Atlantis")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestDb.single(
                "SELECT array_to_string(categories, ',') FROM consent_holding WHERE consent_id = ?::uuid",
                consent.toString())).isEqualTo("user.behavior.browsing"));
        assertThat(TestDb.single("SELECT status FROM consent_holding WHERE consent_id = ?::uuid", consent.toString()))
                .isEqualTo("REVOKED");
        assertThat(TestDb.single("SELECT recipients FROM consent_holding WHERE consent_id = ?::uuid",
                consent.toString()).toString()).contains("\"Ads Ltd\"").contains("\"country\":null");
    }
}

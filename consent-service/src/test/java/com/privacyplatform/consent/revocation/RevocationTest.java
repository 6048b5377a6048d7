package com.privacyplatform.consent.revocation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.consent.support.Events;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 3.5.a: revocation at any time, by the subject or by the partner on their behalf; appended history. */
@QuarkusTest
class RevocationTest {

    static final String SUBJECT = "subj-revocation-1";
    static final String OTHER = "subj-revocation-2";
    static String own;
    static String onBehalf;
    static String refused;
    static String othersConsent;
    static String stale;

    @BeforeAll
    static void consents() {
        Fixtures.knownPartners();
        own = Fixtures.consent(Fixtures.A, SUBJECT, "marketing.communications", "GRANTED", null, "user.contact.email");
        onBehalf = Fixtures.consent(Fixtures.A, SUBJECT, "analytics", "GRANTED", null, "user.device.identifier");
        refused = Fixtures.consent(Fixtures.A, SUBJECT, "payment_processing", "REFUSED", null, "user.name");
        othersConsent = Fixtures.consent(Fixtures.B, OTHER, "analytics", "GRANTED", null, "user.device.identifier");
        stale = Fixtures.consent(Fixtures.B, OTHER, "payment_processing", "GRANTED", null, "user.name");
    }

    @Test
    @TestSecurity(user = SUBJECT, roles = "data-subject")
    @Verifies(value = "3.5.a", exercises = {"Revocations#revoke", "RevocationResource#revoke"})
    void theSubjectRevokesTheirOwnConsentAndTheHistoryIsAppended() {
        try (Events events = new Events("consent.revoked")) {
            given().contentType(ContentType.JSON).body("{\"reason\":\"no more offers, thanks\"}")
                    .post("/consents/" + own + "/revocation").then().statusCode(200)
                    .body("state", equalTo("REVOKED")).body("decision", equalTo("GRANTED"));
            List<JsonNode> received = events.forConsents(List.of(own), 1, Duration.ofSeconds(10));
            assertThat(received).hasSize(1);
            assertThat(received.get(0).get("data").get("revokedBy").asText()).isEqualTo("SUBJECT");
            assertThat(received.get(0).toString()).doesNotContain("no more offers");
        }
        given().get("/consents/" + own + "/history").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].state", equalTo("GRANTED")).body("[0].cause", equalTo("RECORDED"))
                .body("[1].state", equalTo("REVOKED")).body("[1].previousState", equalTo("GRANTED"))
                .body("[1].cause", equalTo("SUBJECT")).body("[1].reason", equalTo("no more offers, thanks"))
                .body("[1].actor", equalTo("user:" + SUBJECT));
        // revoking again is a conflict, not a second history entry
        given().contentType(ContentType.JSON).body("{}").post("/consents/" + own + "/revocation")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(TestDb.count("SELECT count(*) FROM consent_history WHERE consent_id = ?::uuid", own)).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    void thePartnerRevokesOnTheSubjectsBehalfWithoutABody() {
        given().contentType(ContentType.JSON).post("/consents/" + onBehalf + "/revocation").then().statusCode(200)
                .body("state", equalTo("REVOKED"));
        given().get("/consents/" + onBehalf + "/history").then().body("[1].cause", equalTo("PARTNER"))
                .body("[1].actor", equalTo("partner:" + Fixtures.A));
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ?"
                + " AND action = 'consent.revoked'", onBehalf)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = SUBJECT, roles = "data-subject")
    void onlyAGrantedConsentCanBeRevoked() {
        given().contentType(ContentType.JSON).body("{}").post("/consents/" + refused + "/revocation")
                .then().statusCode(409);
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", refused)).isEqualTo("REFUSED");
    }

    @Test
    @TestSecurity(user = SUBJECT, roles = "data-subject")
    void anotherSubjectsConsentIsNotFound() {
        given().contentType(ContentType.JSON).body("{}").post("/consents/" + othersConsent + "/revocation")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").post("/consents/" + java.util.UUID.randomUUID() + "/revocation")
                .then().statusCode(404);
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", othersConsent)).isEqualTo("GRANTED");
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    void anotherPartnersConsentIsNotFound() {
        given().contentType(ContentType.JSON).body("{}").post("/consents/" + othersConsent + "/revocation")
                .then().statusCode(404);
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", othersConsent)).isEqualTo("GRANTED");
    }

    @Test
    @TestSecurity(user = OTHER, roles = "data-subject")
    void aStaleIfMatchOrAnOverlongReasonChangesNothing() {
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body("{}")
                .post("/consents/" + stale + "/revocation").then().statusCode(412);
        given().contentType(ContentType.JSON).body("{\"reason\":\"" + "x".repeat(501) + "\"}")
                .post("/consents/" + stale + "/revocation").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body("{\"reason\":").post("/consents/" + stale + "/revocation")
                .then().statusCode(400);
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", stale)).isEqualTo("GRANTED");
        String etag = given().get("/consents/" + stale).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body("{}")
                .post("/consents/" + stale + "/revocation").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void officersDoNotRevoke() {
        given().contentType(ContentType.JSON).body("{}").post("/consents/" + othersConsent + "/revocation")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsDoNotRevoke() {
        given().contentType(ContentType.JSON).body("{}").post("/consents/" + othersConsent + "/revocation")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersCannotRevoke() {
        given().contentType(ContentType.JSON).body("{}").post("/consents/" + othersConsent + "/revocation")
                .then().statusCode(401);
    }

    @Test
    void decisionsAndHistoryCannotBeRewrittenInTheDatabase() {
        String id = Fixtures.consent(Fixtures.B, "subj-revocation-3", "analytics", "REVOKED", null,
                "user.device.identifier");
        assertThatThrownBy(() -> TestDb.execute("UPDATE consent SET state = 'GRANTED' WHERE id = '" + id + "'"))
                .hasMessageContaining("final");
        assertThatThrownBy(() -> TestDb.execute("UPDATE consent SET purpose = 'marketing.communications' WHERE id = '"
                + id + "'")).hasMessageContaining("immutable");
        assertThatThrownBy(() -> TestDb.execute("DELETE FROM consent WHERE id = '" + id + "'"))
                .hasMessageContaining("never deleted");
        assertThatThrownBy(() -> TestDb.execute("UPDATE consent_history SET reason = 'x' WHERE consent_id = '" + id
                + "'")).hasMessageContaining("append-only");
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", id)).isEqualTo("REVOKED");
    }
}

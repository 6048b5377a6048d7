package com.privacyplatform.dsr.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.support.Events;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 3.5.d: the compliance officer approves or refuses a partner's legal-obligation retention basis. */
@QuarkusTest
class RetentionReviewTest {

    static final String REVIEWED = "d5a00000-0000-4000-8000-0000000000c3";

    private static Response decide(UUID basis, String action, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/partners/" + REVIEWED + "/retention-bases/" + basis + "/" + action);
    }

    private static String status(UUID basis) {
        return (String) TestDb.single("SELECT status FROM retention_basis WHERE id = ?::uuid", basis.toString());
    }

    private static UUID pending() {
        return Fixtures.legalObligation(UUID.fromString(REVIEWED), null, "user.financial.transaction",
                "PENDING_REVIEW");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies(value = "3.5.d", exercises = {"RetentionReviewResource#approve", "RetentionReviews#decide"})
    void theOfficerApprovesAPendingLegalObligationOnceAuditedAndAnnounced() {
        UUID basis = pending();
        given().queryParam("status", "PENDING_REVIEW").queryParam("limit", 500).get("/retention-bases").then()
                .statusCode(200).body("items.id", hasItem(basis.toString()));
        try (Events events = new Events("dsr.retention-basis-reviewed")) {
            decide(basis, "approval", "{\"note\":\"AML act applies\"}").then().statusCode(200)
                    .body("status", equalTo("APPROVED")).body("reviewedBy", org.hamcrest.Matchers.startsWith("user:"))
                    .body("reviewNote", equalTo("AML act applies"));
            List<JsonNode> received = events.forSubject(basis.toString(), 1, Duration.ofSeconds(10));
            assertThat(received.get(0).get("data").get("decision").asText()).isEqualTo("APPROVED");
            assertThat(received.get(0).get("data").get("retentionPeriod").asText()).isEqualTo("P5Y");
        }
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'retention-basis.approved'"
                + " AND target_id = ?", basis.toString())).isEqualTo(1);
        given().queryParam("status", "PENDING_REVIEW").queryParam("limit", 500).get("/retention-bases").then()
                .body("items.id", not(hasItem(basis.toString())));
        // decided once
        decide(basis, "refusal", "{\"note\":\"changed my mind\"}").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(status(basis)).isEqualTo("APPROVED");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies(value = "3.5.d", exercises = {"RetentionReviewResource#refuse", "RetentionReviews#decide"})
    void aRefusalTellsThePartnerWhyAndBadInputChangesNothing() {
        UUID basis = pending();
        decide(basis, "refusal", "{}").then().statusCode(400).body("errors[0].field", equalTo("note"));
        decide(basis, "refusal", "{\"note\":\"  \"}").then().statusCode(400);
        decide(basis, "refusal", "").then().statusCode(400);
        given().contentType(ContentType.JSON).header("If-Match", "\"99\"").body("{}")
                .post("/partners/" + REVIEWED + "/retention-bases/" + basis + "/approval").then().statusCode(412);
        decide(UUID.randomUUID(), "approval", "{}").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").post("/partners/" + Fixtures.PARTNER_B
                + "/retention-bases/" + basis + "/approval").then().statusCode(404);
        given().queryParam("status", "MAYBE").get("/retention-bases").then().statusCode(400);
        assertThat(status(basis)).isEqualTo("PENDING_REVIEW");
        decide(basis, "refusal", "{\"note\":\"the cited law does not apply to marketing data\"}").then()
                .statusCode(200).body("status", equalTo("REFUSED"));
        // an express-consent basis is not the officer's to decide
        UUID consent = Fixtures.retentionConsent(UUID.fromString(REVIEWED), Fixtures.newSubject(), "ACTIVE",
                "CHECKBOX", "now()", "user.name");
        UUID verified = UUID.fromString(TestDb.single("INSERT INTO retention_basis (id, partner_id, subject_id,"
                + " legal_basis, explanation, consent_id, status, recorded_by, recorded_at) SELECT gen_random_uuid(),"
                + " partner_id, subject_id, 'EXPRESS_CONSENT', 'x', consent_id, 'CONSENT_VERIFIED', 'p', now() FROM"
                + " consent_holding WHERE consent_id = ?::uuid RETURNING id::text", consent.toString()).toString());
        decide(verified, "approval", "{}").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "reviewed", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = REVIEWED))
    void aPartnerCannotApproveItsOwnBasisNorReadTheQueue() {
        UUID basis = pending();
        decide(basis, "approval", "{}").then().statusCode(403);
        decide(basis, "refusal", "{\"note\":\"x\"}").then().statusCode(403);
        given().get("/retention-bases").then().statusCode(403);
        given().get("/partners/" + REVIEWED + "/retention-bases/" + basis).then().statusCode(200)
                .body("status", equalTo("PENDING_REVIEW"));
        assertThat(status(basis)).isEqualTo("PENDING_REVIEW");
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsReadTheQueueButDoNotDecide() {
        UUID basis = pending();
        given().queryParam("partnerId", REVIEWED).get("/retention-bases").then().statusCode(200);
        given().queryParam("partnerId", "nope").get("/retention-bases").then().statusCode(400);
        decide(basis, "approval", "{}").then().statusCode(403);
        assertThat(status(basis)).isEqualTo("PENDING_REVIEW");
    }

    @Test
    @TestSecurity(user = "5b000000-0000-4000-8000-000000000c01", roles = "data-subject")
    void subjectsNeitherReadNorDecide() {
        UUID basis = pending();
        given().get("/retention-bases").then().statusCode(403);
        decide(basis, "approval", "{}").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersAre401() {
        given().get("/retention-bases").then().statusCode(401);
        decide(UUID.randomUUID(), "approval", "{}").then().statusCode(401);
    }
}

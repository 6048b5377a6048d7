package com.privacyplatform.registry.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.registry.inspection.ComplianceFixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 4.1, 4.2, 4.4: scheduling audits with advance notice, and who may see them. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class AssessmentSchedulingTest {

    static String schedule(Instant start, String thirdParty) {
        return """
                {"scheduledStart": "%s", "scope": "Access control of the order systems"%s}"""
                .formatted(start, thirdParty == null ? "" : ", \"thirdPartyAuditor\": \"" + thirdParty + "\"");
    }

    static Instant inDays(long days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    @Verifies(value = {"4.1", "4.2"}, exercises = {"AssessmentService#schedule", "AssessmentResource#schedule"})
    void anOfficerSchedulesAThirdPartyAuditWithEnoughNotice() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        Instant start = inDays(15);
        Response created = post(partner, schedule(start, "Example Assurance LLP"));
        created.then().statusCode(201)
                .header("Location", endsWith("/partners/" + partner + "/audits/" + created.path("id")))
                .header("ETag", "\"0\"")
                .body("status", equalTo("SCHEDULED"))
                .body("scheduledStart", equalTo(start.toString()))
                .body("thirdPartyAuditor", equalTo("Example Assurance LLP"))
                .body("costBearer", nullValue())
                .body("findings", hasSize(0));
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'audit.scheduled'"
                + " AND target_id = ?", (String) created.path("id"))).isEqualTo(1);
        given().get("/partners/" + partner + "/audits/" + created.path("id")).then().statusCode(200)
                .body("scope", equalTo("Access control of the order systems"));
    }

    @Test
    @Verifies(value = "4.4", exercises = {"AssessmentService#requireNotice", "AssessmentService#requireStarted"})
    void tooShortANoticeIsRefusedNamingClause44() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        post(partner, schedule(inDays(13), null)).then().statusCode(422).contentType("application/problem+json")
                .body("clause", equalTo("4.4"))
                .body("type", equalTo("https://privacy-platform.example/problems/notice-too-short"))
                .body("errors.field", hasItem("scheduledStart"));
        assertThat(audits(partner)).isZero();
    }

    @Test
    void malformedSchedulesAre400() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        post(partner, "{\"scheduledStart\": \"2030-01-01T09:00:00\", \"scope\": \"x\"}").then().statusCode(400)
                .body("errors.field", hasItem("scheduledStart"));
        post(partner, "{\"scheduledStart\": \"" + inDays(20) + "\", \"scope\": \" \"}").then().statusCode(400)
                .body("errors.field", hasItem("scope"));
        post(partner, "{\"scope\": \"x\"}").then().statusCode(400).body("errors.field", hasItem("scheduledStart"));
        assertThat(audits(partner)).isZero();
    }

    @Test
    void theIdempotencyKeyReplaysTheScheduledAudit() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        String body = schedule(inDays(30), null);
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", "audit-" + partner).body(body)
                .post("/partners/" + partner + "/audits").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "audit-" + partner).body(body)
                .post("/partners/" + partner + "/audits").then().statusCode(201).body("id", equalTo(id));
        assertThat(audits(partner)).isEqualTo(1);
    }

    @Test
    void terminatedPartnersAreNotAudited() {
        UUID partner = ComplianceFixtures.partner("TERMINATED", 100);
        post(partner, schedule(inDays(20), null)).then().statusCode(409);
        assertThat(audits(partner)).isZero();
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsReadAuditsButScheduleNone() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        ComplianceFixtures.audit(partner, -20);
        post(partner, schedule(inDays(20), null)).then().statusCode(403).contentType("application/problem+json");
        given().get("/partners/" + partner + "/audits").then().statusCode(200).body("items", hasSize(1));
        assertThat(audits(partner)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "partner-a03", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ComplianceFixtures.AUDITED))
    void aPartnerReadsItsOwnAuditsButNeitherSchedulesNorSeesOthers() {
        UUID own = ComplianceFixtures.fixed(ComplianceFixtures.AUDITED, 100);
        UUID audit = ComplianceFixtures.audit(own, -20);
        UUID other = ComplianceFixtures.partner("ACTIVE", 100);
        UUID othersAudit = ComplianceFixtures.audit(other, -20);

        given().get("/partners/" + own + "/audits/" + audit).then().statusCode(200)
                .body("id", equalTo(audit.toString()));
        given().get("/partners/" + own + "/audits").then().statusCode(200);
        given().get("/partners/" + other + "/audits").then().statusCode(404);
        given().get("/partners/" + other + "/audits/" + othersAudit).then().statusCode(404);
        given().get("/partners/" + own + "/audits/" + othersAudit).then().statusCode(404);
        long before = audits(own);
        post(own, schedule(inDays(20), null)).then().statusCode(403);
        assertThat(audits(own)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void dataSubjectsAreForbidden() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        post(partner, schedule(inDays(20), null)).then().statusCode(403);
        given().get("/partners/" + partner + "/audits").then().statusCode(403);
        assertThat(audits(partner)).isZero();
    }

    @Test
    @TestSecurity
    void anonymousCallersAre401() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        post(partner, schedule(inDays(20), null)).then().statusCode(401);
        given().get("/partners/" + partner + "/audits").then().statusCode(401);
        assertThat(audits(partner)).isZero();
    }

    private static Response post(UUID partner, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/partners/" + partner + "/audits");
    }

    static long audits(UUID partner) {
        return TestDb.count("SELECT count(*) FROM assessment WHERE partner_id = ?::uuid", partner.toString());
    }
}

package com.privacyplatform.registry.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.registry.inspection.ComplianceFixtures;
import com.privacyplatform.testing.MovableClock;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 4.3 and 4.5 as the compliance officer sees them: findings, verification, closure and the cost bearer. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class AssessmentFindingTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    static String finding(String severity, boolean material, Object due) {
        return """
                {"severity": "%s", "material": %s, "description": "Backups are not encrypted",
                 "rectificationDue": "%s"}""".formatted(severity, material, due);
    }

    @Test
    @Verifies(value = {"4.1", "4.3", "4.4"}, exercises = {"AssessmentService#schedule", "AssessmentService#requireNotice", "AssessmentService#requireStarted", "FindingResource#record", "FindingChangeResource#rectify", "FindingChangeResource#verify", "AssessmentResource#schedule", "FindingService#record", "FindingService#rectify", "FindingService#verify"})
    void findingsAreRecordedOnlyOnceTheNotifiedAuditHasStarted() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        String audit = given().contentType(ContentType.JSON)
                .body(AssessmentSchedulingTest.schedule(AssessmentSchedulingTest.inDays(20), null))
                .post("/partners/" + partner + "/audits").then().statusCode(201).extract().path("id");
        String body = finding("HIGH", true, ComplianceFixtures.today().plusDays(30));
        record(partner, audit, body).then().statusCode(409).contentType("application/problem+json");

        clock.advance(Duration.ofDays(20).plusHours(1)); // the notified start has passed
        Response created = record(partner, audit, body);
        created.then().statusCode(201)
                .header("Location", endsWith("/audits/" + audit + "/findings/" + created.path("id")))
                .body("status", equalTo("OPEN")).body("severity", equalTo("HIGH")).body("material", equalTo(true))
                .body("overdue", equalTo(false));
        given().get("/partners/" + partner + "/audits/" + audit).then().statusCode(200)
                .body("findings", hasSize(1)).body("findings[0].id", equalTo(created.path("id")));
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'audit-finding.recorded'"
                + " AND target_id = ? AND details NOT LIKE '%Backups%'", (String) created.path("id"))).isEqualTo(1);
    }

    @Test
    void malformedFindingsAre400AndStoreNothing() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        UUID audit = ComplianceFixtures.audit(partner, 1);
        record(partner, audit.toString(), finding("HIGH", true, ComplianceFixtures.today())).then().statusCode(400)
                .body("errors.field", hasItem("rectificationDue"));
        record(partner, audit.toString(), finding("SEVERE", true, ComplianceFixtures.today().plusDays(9)))
                .then().statusCode(400).body("type", endsWith("/problems/malformed-request"));
        record(partner, audit.toString(), "{\"severity\": \"LOW\", \"description\": \"x\", \"rectificationDue\": \""
                + ComplianceFixtures.today().plusDays(9) + "\"}").then().statusCode(400)
                .body("errors.field", hasItem("material"));
        assertThat(findings(audit)).isZero();
    }

    @Test
    @Verifies("4.3")
    void theOfficerReopensWithAReasonOrAcceptsASubmittedRectification() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        UUID audit = ComplianceFixtures.audit(partner, 5);
        UUID finding = ComplianceFixtures.finding(audit, partner, "MEDIUM", false, 10, "RECTIFICATION_SUBMITTED");
        verify(partner, audit, finding, "{\"accepted\": false}").then().statusCode(400)
                .body("errors.field", hasItem("note"));
        verify(partner, audit, finding, "{\"accepted\": false, \"note\": \"keys still on the same host\"}")
                .then().statusCode(200).body("status", equalTo("REOPENED"))
                .body("verificationNote", equalTo("keys still on the same host"));
        verify(partner, audit, finding, "{\"accepted\": true}").then().statusCode(409);

        submitted(finding);
        verify(partner, audit, finding, "{\"accepted\": true, \"note\": \"checked\"}").then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ?"
                + " AND action IN ('audit-finding.reopened', 'audit-finding.verified')", finding.toString()))
                .isEqualTo(2);
    }

    @Test
    @Verifies(value = "4.5", exercises = {"AssessmentService#costBearer", "AssessmentResource#close"})
    void anAuditWithAMaterialDefectClosesOnlyWhenNothingAwaitsThePartnerAndThePartnerPays() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        UUID audit = ComplianceFixtures.audit(partner, 5);
        UUID material = ComplianceFixtures.finding(audit, partner, "LOW", true, 10, "OPEN");
        ComplianceFixtures.finding(audit, partner, "HIGH", false, 10, "VERIFIED");
        String etag = given().get("/partners/" + partner + "/audits/" + audit).then().statusCode(200)
                .extract().header("ETag");
        close(partner, audit, etag).then().statusCode(409);

        submitted(material);
        close(partner, audit, "\"41\"").then().statusCode(412);
        close(partner, audit, etag).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("costBearer", equalTo("PARTNER"))
                .body("closureSummary", equalTo("fieldwork complete"));
        close(partner, audit, null).then().statusCode(409);
        record(partner, audit.toString(), finding("LOW", false, ComplianceFixtures.today().plusDays(9)))
                .then().statusCode(409);
        assertThat(findings(audit)).isEqualTo(2);
        assertThat(TestDb.single("SELECT details FROM platform_audit_record WHERE action = 'audit.closed'"
                + " AND target_id = ?", audit.toString()).toString()).contains("\"costBearer\":\"PARTNER\"");
    }

    @Test
    @Verifies(value = "4.5", exercises = {"AssessmentService#costBearer", "AssessmentResource#close"})
    void withoutAMaterialDefectThePlatformBearsTheCost() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        UUID audit = ComplianceFixtures.audit(partner, 5);
        ComplianceFixtures.finding(audit, partner, "CRITICAL", false, 10, "VERIFIED");
        ComplianceFixtures.finding(audit, partner, "LOW", false, 10, "RECTIFICATION_SUBMITTED");
        close(partner, audit, null).then().statusCode(200).body("costBearer", equalTo("PLATFORM"));

        UUID empty = ComplianceFixtures.audit(partner, 1);
        close(partner, empty, null).then().statusCode(200).body("costBearer", equalTo("PLATFORM"));
    }

    @Test
    void officersDoNotSubmitRectificationsForThePartner() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        UUID audit = ComplianceFixtures.audit(partner, 5);
        UUID finding = ComplianceFixtures.finding(audit, partner, "LOW", false, 10, "OPEN");
        given().contentType(ContentType.JSON).body("{\"summary\": \"done\"}")
                .post("/partners/" + partner + "/audits/" + audit + "/findings/" + finding + "/rectification")
                .then().statusCode(403);
        assertThat(TestDb.single("SELECT status FROM assessment_finding WHERE id = ?::uuid", finding.toString()))
                .isEqualTo("OPEN");
    }

    static Response record(UUID partner, String audit, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/partners/" + partner + "/audits/" + audit + "/findings");
    }

    static Response verify(UUID partner, UUID audit, UUID finding, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/partners/" + partner + "/audits/" + audit + "/findings/" + finding + "/verification");
    }

    static Response close(UUID partner, UUID audit, String ifMatch) {
        var request = given().contentType(ContentType.JSON).body("{\"summary\": \"fieldwork complete\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/partners/" + partner + "/audits/" + audit + "/closure");
    }

    private static void submitted(UUID finding) {
        TestDb.execute("UPDATE assessment_finding SET status = 'RECTIFICATION_SUBMITTED' WHERE id = '" + finding + "'");
    }

    static long findings(UUID audit) {
        return TestDb.count("SELECT count(*) FROM assessment_finding WHERE assessment_id = ?::uuid", audit.toString());
    }
}

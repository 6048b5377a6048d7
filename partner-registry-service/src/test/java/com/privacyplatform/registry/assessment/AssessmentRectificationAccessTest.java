package com.privacyplatform.registry.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.registry.inspection.ComplianceFixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 4.3 from the partner's side, and each role's denials on the finding endpoints. */
@QuarkusTest
class AssessmentRectificationAccessTest {

    private static final String RECTIFICATION = "{\"summary\": \"Backups now encrypted with managed keys\"}";

    @Test
    @TestSecurity(user = "partner-a04", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ComplianceFixtures.RECTIFIER))
    @Verifies(value = "4.3", exercises = {"FindingResource#record", "FindingChangeResource#rectify", "FindingChangeResource#verify", "FindingService#record", "FindingService#rectify", "FindingService#verify"})
    void thePartnerSubmitsItsRectificationAgainstTheCurrentVersion() {
        UUID partner = ComplianceFixtures.fixed(ComplianceFixtures.RECTIFIER, 100);
        UUID audit = ComplianceFixtures.audit(partner, 5);
        UUID finding = ComplianceFixtures.finding(audit, partner, "HIGH", true, 10, "OPEN");
        String etag = given().get(path(partner, audit, finding)).then().statusCode(200)
                .body("status", equalTo("OPEN")).extract().header("ETag");

        rectify(partner, audit, finding, "\"99\"").then().statusCode(412).contentType("application/problem+json");
        rectify(partner, audit, finding, etag).then().statusCode(200)
                .body("status", equalTo("RECTIFICATION_SUBMITTED"))
                .body("rectificationSummary", equalTo("Backups now encrypted with managed keys"));
        rectify(partner, audit, finding, null).then().statusCode(409);
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ? AND actor = ?",
                finding.toString(), "partner:" + partner)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "partner-a04", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ComplianceFixtures.RECTIFIER))
    void thePartnerNeitherRecordsNorVerifiesNorCloses() {
        UUID partner = ComplianceFixtures.fixed(ComplianceFixtures.RECTIFIER, 100);
        UUID audit = ComplianceFixtures.audit(partner, 5);
        UUID finding = ComplianceFixtures.finding(audit, partner, "LOW", false, 10, "RECTIFICATION_SUBMITTED");
        AssessmentFindingTest.record(partner, audit.toString(),
                AssessmentFindingTest.finding("LOW", false, ComplianceFixtures.today().plusDays(5)))
                .then().statusCode(403);
        AssessmentFindingTest.verify(partner, audit, finding, "{\"accepted\": true}").then().statusCode(403);
        AssessmentFindingTest.close(partner, audit, null).then().statusCode(403);
        assertUnchanged(audit, finding, "RECTIFICATION_SUBMITTED");
    }

    @Test
    @TestSecurity(user = "partner-b01", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ComplianceFixtures.OTHER))
    void anotherPartnersFindingIs404() {
        ComplianceFixtures.fixed(ComplianceFixtures.OTHER, 30);
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        UUID audit = ComplianceFixtures.audit(partner, 5);
        UUID finding = ComplianceFixtures.finding(audit, partner, "LOW", false, 10, "OPEN");
        given().get(path(partner, audit, finding)).then().statusCode(404);
        rectify(partner, audit, finding, null).then().statusCode(404).contentType("application/problem+json");
        UUID own = UUID.fromString(ComplianceFixtures.OTHER);
        rectify(own, audit, finding, null).then().statusCode(404);
        assertUnchanged(audit, finding, "OPEN");
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsReadFindingsButChangeNothing() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        UUID audit = ComplianceFixtures.audit(partner, 5);
        UUID finding = ComplianceFixtures.finding(audit, partner, "LOW", false, 10, "RECTIFICATION_SUBMITTED");
        given().get(path(partner, audit, finding)).then().statusCode(200).body("severity", equalTo("LOW"));
        AssessmentFindingTest.record(partner, audit.toString(),
                AssessmentFindingTest.finding("LOW", false, ComplianceFixtures.today().plusDays(5)))
                .then().statusCode(403);
        AssessmentFindingTest.verify(partner, audit, finding, "{\"accepted\": true}").then().statusCode(403);
        rectify(partner, audit, finding, null).then().statusCode(403);
        AssessmentFindingTest.close(partner, audit, null).then().statusCode(403);
        assertUnchanged(audit, finding, "RECTIFICATION_SUBMITTED");
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void dataSubjectsAreForbidden() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        UUID audit = ComplianceFixtures.audit(partner, 5);
        UUID finding = ComplianceFixtures.finding(audit, partner, "LOW", false, 10, "OPEN");
        given().get(path(partner, audit, finding)).then().statusCode(403);
        rectify(partner, audit, finding, null).then().statusCode(403);
        assertUnchanged(audit, finding, "OPEN");
    }

    @Test
    @TestSecurity
    void anonymousCallersAre401() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 100);
        UUID audit = ComplianceFixtures.audit(partner, 5);
        UUID finding = ComplianceFixtures.finding(audit, partner, "LOW", false, 10, "OPEN");
        given().get(path(partner, audit, finding)).then().statusCode(401);
        rectify(partner, audit, finding, null).then().statusCode(401);
        AssessmentFindingTest.close(partner, audit, null).then().statusCode(401);
        assertUnchanged(audit, finding, "OPEN");
    }

    private static String path(UUID partner, UUID audit, UUID finding) {
        return "/partners/" + partner + "/audits/" + audit + "/findings/" + finding;
    }

    private static Response rectify(UUID partner, UUID audit, UUID finding, String ifMatch) {
        var request = given().contentType(ContentType.JSON).body(RECTIFICATION);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post(path(partner, audit, finding) + "/rectification");
    }

    private static void assertUnchanged(UUID audit, UUID finding, String status) {
        assertThat(TestDb.single("SELECT status FROM assessment_finding WHERE id = ?::uuid", finding.toString()))
                .isEqualTo(status);
        assertThat(TestDb.single("SELECT status FROM assessment WHERE id = ?::uuid", audit.toString()))
                .isEqualTo("SCHEDULED");
        assertThat(AssessmentFindingTest.findings(audit)).isEqualTo(1);
    }
}

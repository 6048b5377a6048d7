package com.privacyplatform.registry.inspection;

import static com.privacyplatform.registry.inspection.ComplianceFixtures.report;
import static com.privacyplatform.registry.inspection.ComplianceFixtures.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 3.4.e: submitting the annual self-inspection report, its rules and its bad inputs. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class InspectionSubmissionTest {

    private static final String PROBLEMS = "https://privacy-platform.example/problems/";

    @Test
    @TestSecurity(user = "partner-a01", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ComplianceFixtures.OWN_SUBMITTER))
    @Verifies(value = "3.4.e", exercises = {"SelfInspectionService#submit", "SelfInspectionResource#submit"})
    void aPartnerSubmitsItsOwnReportWithFindingsAndRectificationScheme() {
        UUID partner = ComplianceFixtures.fixed(ComplianceFixtures.OWN_SUBMITTER, 400);
        LocalDate end = today().minusDays(2);
        String body = report(end.minusYears(1).plusDays(1), end, "FAIL", """
                [{"description": "Two leavers kept VPN access", "rectification": "Automate deprovisioning",
                  "dueOn": "%s"}]""".formatted(today().plusMonths(2)));

        Response created = submit(partner, body);
        created.then().statusCode(201)
                .header("Location", endsWith("/partners/" + partner + "/self-inspections/" + created.path("id")))
                .header("ETag", notNullValue())
                .body("partnerId", equalTo(partner.toString()))
                .body("periodEnd", equalTo(end.toString()))
                .body("failedItems", equalTo(1))
                .body("checklist", hasSize(2))
                .body("checklist[0].area", equalTo("SYSTEM_SECURITY"))
                .body("findings[0].rectification", equalTo("Automate deprovisioning"))
                .body("nextDueOn", equalTo(end.plusMonths(12).toString()))
                .body("submittedBy", equalTo("partner:" + partner));
        String id = created.path("id");
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'self-inspection.submitted'"
                + " AND target_id = ? AND details NOT LIKE '%VPN%'", id)).isEqualTo(1);
        given().get("/partners/" + partner + "/self-inspections/" + id).then().statusCode(200)
                .body("findings[0].description", equalTo("Two leavers kept VPN access"));
    }

    @Test
    void anOfficerSubmitsOnThePartnersBehalfAndTheKeyReplaysTheFirstAnswer() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 30);
        String body = ComplianceFixtures.cleanReport();
        Response first = given().contentType(ContentType.JSON).header("Idempotency-Key", "insp-" + partner).body(body)
                .post("/partners/" + partner + "/self-inspections");
        first.then().statusCode(201).body("submittedBy", equalTo("user:olivia"));

        given().contentType(ContentType.JSON).header("Idempotency-Key", "insp-" + partner).body(body)
                .post("/partners/" + partner + "/self-inspections")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "insp-" + partner)
                .body(body.replace("annual review", "other")).post("/partners/" + partner + "/self-inspections")
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertThat(inspections(partner)).isEqualTo(1);
    }

    @Test
    @Verifies(value = "3.4.e", exercises = "SelfInspectionService#requireFullScope")
    void aChecklistThatSkipsSystemSecurityIsRefusedNamingClause34e() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 30);
        String body = """
                {"periodStart": "%s", "periodEnd": "%s", "findings": [],
                 "checklist": [{"area": "IMPLEMENTATION_OF_REQUIREMENTS", "item": "Retention", "result": "PASS"}]}"""
                .formatted(today().minusYears(1), today().minusDays(1));
        submit(partner, body).then().statusCode(422).contentType("application/problem+json")
                .body("clause", equalTo("3.4.e"))
                .body("type", equalTo(PROBLEMS + "inspection-scope-incomplete"))
                .body("errors.field", hasItem("checklist"));
        assertThat(inspections(partner)).isZero();
    }

    @Test
    @Verifies(value = "3.4.e", exercises = "SelfInspectionService#requireRectificationScheme")
    void failedItemsWithoutARectificationSchemeAreRefused() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 30);
        submit(partner, report(today().minusYears(1), today().minusDays(1), "FAIL", "[]")).then().statusCode(422)
                .body("clause", equalTo("3.4.e"))
                .body("type", equalTo(PROBLEMS + "rectification-scheme-required"));
        assertThat(inspections(partner)).isZero();
    }

    @Test
    void malformedReportsAre400AndStoreNothing() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 30);
        // period ends before it starts, and in the future
        submit(partner, report(today(), today().minusDays(10), "PASS", "[]")).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("periodEnd"));
        submit(partner, report(today().minusDays(10), today().plusDays(3), "PASS", "[]")).then().statusCode(400)
                .body("errors.field", hasItem("periodEnd"));
        // an unknown checklist result, a missing checklist, a rectification due before the period end
        submit(partner, report(today().minusYears(1), today().minusDays(1), "MAYBE", "[]")).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"));
        submit(partner, "{\"periodStart\": \"2025-01-01\", \"periodEnd\": \"2025-12-31\"}").then().statusCode(400)
                .body("errors.field", hasItem("checklist"));
        submit(partner, report(today().minusYears(1), today().minusDays(1), "FAIL", """
                [{"description": "d", "rectification": "r", "dueOn": "%s"}]""".formatted(today().minusYears(2))))
                .then().statusCode(400).body("errors.field", hasItem("findings[0].dueOn"));
        submit(partner, "{not json").then().statusCode(400);
        assertThat(inspections(partner)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'self-inspection.submitted'"
                + " AND details LIKE ?", "%" + partner + "%")).isZero();
    }

    @Test
    void anOverlappingPeriodIsAConflict() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 30);
        submit(partner, report(today().minusYears(1), today().minusDays(100), "PASS", "[]")).then().statusCode(201);
        submit(partner, report(today().minusDays(101), today().minusDays(1), "PASS", "[]")).then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(inspections(partner)).isEqualTo(1);
    }

    @Test
    @Verifies("3.5.d")
    void aTerminatedPartnerStillReportsWhileTheDeletionsOfItsTerminationAreOpen() {
        UUID partner = ComplianceFixtures.partner("TERMINATED", 500);
        submit(partner, ComplianceFixtures.cleanReport()).then().statusCode(201);
        assertThat(inspections(partner)).isEqualTo(1);
    }

    @Test
    @Verifies("3.5.d")
    void aTerminatedPartnerWhoseDeletionsAreCompleteSubmitsNoMoreReports() {
        UUID partner = ComplianceFixtures.partner("TERMINATED", 500);
        TestDb.execute("UPDATE partner SET termination_deletion_completed_at = now() WHERE id = '" + partner + "'");
        submit(partner, ComplianceFixtures.cleanReport()).then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(inspections(partner)).isZero();
    }

    private static Response submit(UUID partner, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/partners/" + partner + "/self-inspections");
    }

    static long inspections(UUID partner) {
        return TestDb.count("SELECT count(*) FROM self_inspection WHERE partner_id = ?::uuid", partner.toString());
    }
}

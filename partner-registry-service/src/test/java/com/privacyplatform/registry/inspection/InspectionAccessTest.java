package com.privacyplatform.registry.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 3.4.f on the self-inspection endpoints: who may submit and read whose reports. */
@QuarkusTest
class InspectionAccessTest {

    private UUID reader;
    private UUID other;

    @BeforeEach
    void twoPartnersTheReaderWithTwoReports() {
        reader = ComplianceFixtures.fixed(ComplianceFixtures.OWN_READER, 800);
        other = ComplianceFixtures.fixed(ComplianceFixtures.OTHER, 30);
        if (InspectionSubmissionTest.inspections(reader) == 0) {
            ComplianceFixtures.inspection(reader, ComplianceFixtures.today().minusYears(2),
                    ComplianceFixtures.today().minusYears(1).minusDays(1));
            ComplianceFixtures.inspection(reader, ComplianceFixtures.today().minusYears(1),
                    ComplianceFixtures.today().minusDays(1));
        }
    }

    @Test
    @TestSecurity(user = "partner-a02", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ComplianceFixtures.OWN_READER))
    void aPartnerPagesThroughItsOwnReportsNewestFirst() {
        String cursor = given().get("/partners/" + reader + "/self-inspections?limit=1").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].periodEnd", equalTo(ComplianceFixtures.today().minusDays(1).toString()))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().queryParam("cursor", cursor).queryParam("limit", 1).get("/partners/" + reader + "/self-inspections")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        given().queryParam("cursor", "%%%").get("/partners/" + reader + "/self-inspections")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "partner-b01", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ComplianceFixtures.OTHER))
    @Verifies("3.4.f")
    void anotherPartnersReportsReadAs404AndCannotBeSubmittedFor() {
        given().get("/partners/" + reader + "/self-inspections").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/partners/" + other + "/self-inspections").then().statusCode(200);
        given().contentType(ContentType.JSON).body(ComplianceFixtures.cleanReport())
                .post("/partners/" + reader + "/self-inspections").then().statusCode(404);
        assertThat(InspectionSubmissionTest.inspections(reader)).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "partner-b01", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ComplianceFixtures.OTHER))
    void anotherPartnersSingleReportIs404Too() {
        Object id = TestDb.single(
                "SELECT id::text FROM self_inspection WHERE partner_id = ?::uuid LIMIT 1", reader.toString());
        given().get("/partners/" + reader + "/self-inspections/" + id).then().statusCode(404);
        given().get("/partners/" + other + "/self-inspections/" + id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsReadEveryPartnersReportsButSubmitNone() {
        given().get("/partners/" + reader + "/self-inspections").then().statusCode(200).body("items", hasSize(2));
        given().contentType(ContentType.JSON).body(ComplianceFixtures.cleanReport())
                .post("/partners/" + other + "/self-inspections").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(InspectionSubmissionTest.inspections(other)).isZero();
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void dataSubjectsAreForbidden() {
        given().get("/partners/" + reader + "/self-inspections").then().statusCode(403);
        given().contentType(ContentType.JSON).body(ComplianceFixtures.cleanReport())
                .post("/partners/" + other + "/self-inspections").then().statusCode(403);
        given().get("/self-inspections/overdue").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersAre401() {
        given().get("/partners/" + reader + "/self-inspections").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(ComplianceFixtures.cleanReport())
                .post("/partners/" + other + "/self-inspections").then().statusCode(401);
        given().get("/self-inspections/overdue").then().statusCode(401);
        assertThat(InspectionSubmissionTest.inspections(other)).isZero();
    }
}

package com.privacyplatform.registry.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.registry.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Profile updates and the named security officer (3.4.d). */
@QuarkusTest
class PartnerProfileTest {

    @org.junit.jupiter.api.BeforeAll
    static void knownPartners() {
        Fixtures.knownPartners();
    }

    private static final String PROFILE = "{\"legalName\":\"Renamed Ltd.\",\"jurisdiction\":\"SG\","
            + "\"contact\":{\"name\":\"Tan Mei\",\"email\":\"tan.mei@shop.example\"}}";
    private static final String OFFICER = "{\"name\":\"Wang Wu\",\"email\":\"wang.wu@shop.example\","
            + "\"department\":\"Information Security\"}";

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void anOfficerReplacesTheProfileWithIfMatch() {
        UUID id = Fixtures.partner("ACTIVE", true);
        String etag = given().get("/partners/" + id).then().extract().header("ETag");
        String next = given().contentType(ContentType.JSON).header("If-Match", etag).body(PROFILE)
                .put("/partners/" + id).then().statusCode(200)
                .body("legalName", equalTo("Renamed Ltd.")).body("jurisdiction", equalTo("SG"))
                .body("contact.phone", equalTo(null))
                .extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(PROFILE).put("/partners/" + id)
                .then().statusCode(412);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void aTerminatedPartnersProfileIsClosed() {
        UUID id = Fixtures.partner("TERMINATED", true);
        given().contentType(ContentType.JSON).body(PROFILE).put("/partners/" + id).then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies(value = "3.5.d", exercises = "PartnerService#requireOpenDuties")
    void aTerminatedPartnersSecurityOfficerCanBeRenamedUntilItsDeletionsAreComplete() {
        UUID id = Fixtures.partner("TERMINATED", true);
        given().contentType(ContentType.JSON).body(OFFICER).put("/partners/" + id + "/security-officer")
                .then().statusCode(200).body("securityOfficer.name", equalTo("Wang Wu"));
        TestDb.execute("UPDATE partner SET termination_deletion_completed_at = now() WHERE id = '" + id + "'");
        given().contentType(ContentType.JSON).body(OFFICER.replace("Wang Wu", "Li Si"))
                .put("/partners/" + id + "/security-officer").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(TestDb.single("SELECT officer_name FROM partner WHERE id = ?::uuid", id.toString()))
                .isEqualTo("Wang Wu");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void badProfileInputChangesNothing() {
        UUID id = Fixtures.partner("ACTIVE", true);
        given().contentType(ContentType.JSON).body(PROFILE.replace("SG", "ZZ")).put("/partners/" + id)
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"legalName\":\"\"}").put("/partners/" + id)
                .then().statusCode(400);
        assertThat(TestDb.single("SELECT jurisdiction FROM partner WHERE id = ?::uuid", id.toString())).isEqualTo("CN");
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = PartnerReadTest.B))
    @Verifies(value = "3.4.d", exercises = {"PartnerService#nameSecurityOfficer", "PartnerResource#securityOfficer"})
    void aPartnerNamesItsOwnSecurityOfficerButNotAnothers() {
        given().contentType(ContentType.JSON).body(OFFICER).put("/partners/" + PartnerReadTest.B + "/security-officer")
                .then().statusCode(200)
                .body("securityOfficer.name", equalTo("Wang Wu"))
                .body("securityOfficer.email", equalTo("wang.wu@shop.example"))
                .body("securityOfficer.department", equalTo("Information Security"));
        given().contentType(ContentType.JSON).body(OFFICER).put("/partners/" + PartnerReadTest.A + "/security-officer")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(PROFILE).put("/partners/" + PartnerReadTest.B)
                .then().statusCode(403);
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ?"
                + " AND action = 'partner.security-officer-named' AND actor = ?", PartnerReadTest.B,
                "partner:" + PartnerReadTest.B)).isPositive();
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies(value = "3.4.d", exercises = {"PartnerService#nameSecurityOfficer", "PartnerService#requireSecurityOfficer", "PartnerResource#securityOfficer", "PartnerLifecycleResource#activate"})
    void aSecurityOfficerMustBeReachableAndBelongToADepartment() {
        UUID id = Fixtures.partner("PENDING", false);
        given().contentType(ContentType.JSON).body("{\"name\":\"Wang Wu\",\"department\":\"IT\"}")
                .put("/partners/" + id + "/security-officer").then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body("{\"name\":\"Wang Wu\",\"email\":\"w@x.example\"}")
                .put("/partners/" + id + "/security-officer").then().statusCode(400)
                .body("errors[0].field", equalTo("department"));
        assertThat(TestDb.single("SELECT officer_name FROM partner WHERE id = ?::uuid", id.toString())).isNull();
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsCannotNameOfficers() {
        given().contentType(ContentType.JSON).body(OFFICER)
                .put("/partners/" + PartnerReadTest.A + "/security-officer").then().statusCode(403);
    }
}

package com.privacyplatform.commons.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 3.4.f tenancy and 3.2.d masking as answered by {@link Caller}, through a real endpoint. */
@QuarkusTest
class TenancyTest {

    private static final String WIDGET_OF_A = "01890000-0000-7000-8000-00000000000a";

    @BeforeAll
    static void seedWidgetOfPartnerA() {
        TestDb.execute("INSERT INTO test_widget (id, partner_id, name, owner_email, size) VALUES ('" + WIDGET_OF_A
                + "', '" + Partners.A + "', 'tenancy', 'zhang.san@example.com', 1) ON CONFLICT DO NOTHING");
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
    @Verifies(value = "3.2.d", exercises = "Caller#ownsValuesOf")
    void aPartnerSeesItsOwnObjectUnmasked() {
        given().get("/test/widgets/" + WIDGET_OF_A).then().statusCode(200)
                .body("ownerEmail", equalTo("zhang.san@example.com"));
    }

    @Test
    @TestSecurity(user = "partner-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.B))
    @Verifies(value = "3.4.f", exercises = "Caller#maySeeSubjectObject")
    void anotherPartnersObjectReadsAs404() {
        given().get("/test/widgets/" + WIDGET_OF_A).then().statusCode(404)
                .body("type", equalTo("https://privacy-platform.example/problems/not-found"));
    }

    @Test
    @TestSecurity(user = "partner-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.B))
    @Verifies(value = "3.4.f", exercises = {"Caller#maySeePartner", "Caller#maySeeSubjectObject"})
    void anotherPartnerCannotActOnTheObjectEither() {
        given().post("/test/widgets/" + WIDGET_OF_A + "/touches?n=1").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "partner-x", roles = "partner")
    void aPartnerTokenWithoutPartnerIdIsForbiddenToCreate() {
        given().contentType("application/json").body("{\"name\":\"x\",\"size\":1}").post("/test/widgets")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "partner-x", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = "not-a-uuid"))
    void aMalformedPartnerIdSeesNothing() {
        given().get("/test/widgets/" + WIDGET_OF_A).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies(value = "3.2.d", exercises = "Caller#ownsValuesOf")
    void officersSeeEveryTenantButMasked() {
        given().get("/test/widgets/" + WIDGET_OF_A).then().statusCode(200)
                .body("ownerEmail", equalTo("z***@example.com"));
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    @Verifies("3.2.d")
    void auditorsSeeEveryTenantButMasked() {
        given().get("/test/widgets/" + WIDGET_OF_A).then().statusCode(200)
                .body("ownerEmail", equalTo("z***@example.com"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    @Verifies(value = "3.4.f", exercises = "Caller#maySeePartner")
    void subjectsCannotReadPartnerObjects() {
        given().get("/test/widgets/" + WIDGET_OF_A).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
    void unknownObjectsRead404() {
        given().get("/test/widgets/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "8f7e0c1e-0000-4000-8000-00000000a11c", roles = "data-subject")
    @OidcSecurity(claims = @Claim(key = "sub", value = "8f7e0c1e-0000-4000-8000-00000000a11c"))
    void theCallerIsReadFromTheToken() {
        given().get("/test/probe/identity").then().statusCode(200)
                .body("subject", equalTo("8f7e0c1e-0000-4000-8000-00000000a11c"))
                .body("dataSubject", equalTo(true))
                .body("partner", equalTo(false))
                .body("actor", equalTo("user:8f7e0c1e-0000-4000-8000-00000000a11c"));
    }
}

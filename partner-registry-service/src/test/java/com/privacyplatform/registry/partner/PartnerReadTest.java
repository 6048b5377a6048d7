package com.privacyplatform.registry.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.registry.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading partners: who sees what, and masking of contact values (3.2.d). */
@QuarkusTest
class PartnerReadTest {

    static final String A = Fixtures.A;
    static final String B = Fixtures.B;

    @BeforeAll
    static void twoPartners() {
        Fixtures.knownPartners();
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies(value = "3.2.d", exercises = "PartnerViewMapper#showsContactsInClear")
    void officersSeeContactsInClear() {
        given().get("/partners/" + A).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("contact.email", equalTo("li.wei@shop.example"))
                .body("securityOfficer.phone", equalTo("+8613912345678"));
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    @Verifies("3.2.d")
    void auditorsSeeContactsMasked() {
        given().get("/partners/" + A).then().statusCode(200)
                .body("contact.email", equalTo("l***@shop.example"))
                .body("contact.phone", equalTo("+86 ****5678"))
                .body("securityOfficer.email", equalTo("z***@shop.example"))
                .body("securityOfficer.phone", equalTo("+86 ****5678"))
                .body("securityOfficer.department", equalTo("Security"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = A))
    @Verifies(value = "3.2.d", exercises = "PartnerViewMapper#showsContactsInClear")
    void aPartnerReadsItsOwnRecordInClear() {
        given().get("/partners/" + A).then().statusCode(200)
                .body("contact.email", equalTo("li.wei@shop.example"));
        given().get("/partners/" + A + "/status-history").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = A))
    @Verifies("3.4.f")
    void aPartnerCannotSeeAnotherPartner() {
        given().get("/partners/" + B).then().statusCode(404)
                .body("type", equalTo("https://privacy-platform.example/problems/not-found"));
        given().get("/partners/" + B + "/status-history").then().statusCode(404);
        given().get("/partners").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void subjectsCannotReadPartners() {
        given().get("/partners/" + A).then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousReadsAreUnauthenticated() {
        given().get("/partners/" + A).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void unknownAndMalformedIdsAre404() {
        given().get("/partners/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/partners/not-a-uuid").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void listsFilterAndPageWithACursor() {
        String prefix = "Paged " + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            UUID id = Fixtures.partner("ACTIVE", true);
            TestDb.execute("UPDATE partner SET legal_name = '" + prefix + " " + i + "' WHERE id = '" + id + "'");
        }
        String cursor = given().queryParam("name", prefix).queryParam("limit", 2).get("/partners")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .body("items[0].contact.email", equalTo("l***@shop.example"))
                .extract().path("nextCursor");
        given().queryParam("name", prefix).queryParam("limit", 2).queryParam("cursor", cursor).get("/partners")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        given().queryParam("name", prefix).queryParam("status", "PENDING").get("/partners")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void badListParametersAre400() {
        given().queryParam("status", "HAPPY").get("/partners").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().queryParam("limit", 1000).get("/partners").then().statusCode(400);
        given().queryParam("cursor", "bm9wZQ").get("/partners").then().statusCode(400);
    }
}

package com.privacyplatform.registry.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.registry.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class PartnerOnboardingTest {

    static String body(String clientId, String jurisdiction) {
        return "{\"legalName\":\"Shop " + clientId + " Ltd.\",\"jurisdiction\":\"" + jurisdiction + "\","
                + "\"oidcClientId\":\"" + clientId + "\",\"contact\":{\"name\":\"Li Wei\","
                + "\"email\":\"li.wei@shop.example\",\"phone\":\"+86 138 1234 5678\"},\"credential\":{\"method\":\"CLIENT_SECRET\"}}";
    }

    @Test
    void anOfficerOnboardsAPendingPartnerWhoseIdDerivesFromItsClientId() {
        String clientId = Fixtures.uniqueClientId("onboard");
        String id = given().contentType(ContentType.JSON).body(body(clientId, "CN")).post("/partners")
                .then().statusCode(201)
                .header("Location", endsWith("/partners/" + Ids.partnerIdFor(clientId)))
                .header("ETag", notNullValue())
                .body("status", equalTo("PENDING"))
                .body("jurisdiction", equalTo("CN"))
                .body("contact.email", equalTo("li.wei@shop.example"))
                .body("securityOfficer", equalTo(null))
                .extract().path("id");
        assertThat(id).isEqualTo(Ids.partnerIdFor(clientId).toString());
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'partner.onboarded'"
                + " AND target_id = ? AND actor = 'user:olivia'", id)).isEqualTo(1);
    }

    @Test
    void onboardingTheSameClientTwiceIsAConflict() {
        String clientId = Fixtures.uniqueClientId("twice");
        given().contentType(ContentType.JSON).body(body(clientId, "SG")).post("/partners").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body(clientId, "SG")).post("/partners")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aRetriedOnboardingWithTheSameKeyIsReplayed() {
        String clientId = Fixtures.uniqueClientId("retry");
        given().contentType(ContentType.JSON).header("Idempotency-Key", clientId).body(body(clientId, "DE"))
                .post("/partners").then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", clientId).body(body(clientId, "DE"))
                .post("/partners").then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void badInputIsRefusedAndCreatesNothing() {
        String clientId = Fixtures.uniqueClientId("bad");
        given().contentType(ContentType.JSON).body(body(clientId, "XX")).post("/partners")
                .then().statusCode(400).body("errors.field", hasItem("jurisdiction"));
        given().contentType(ContentType.JSON).body(body(clientId, "cn")).post("/partners")
                .then().statusCode(400).body("errors.field", hasItem("jurisdiction"));
        given().contentType(ContentType.JSON).body(body(clientId, "CN").replace("li.wei@shop.example", "nope"))
                .post("/partners").then().statusCode(400).body("errors.field", hasItem("contact.email"));
        given().contentType(ContentType.JSON).body("{\"legalName\":\"x\",\"jurisdiction\":\"CN\",\"oidcClientId\":\""
                + clientId + "\"}").post("/partners").then().statusCode(400).body("errors.field", hasItem("contact"));
        given().contentType(ContentType.JSON).body(body("a b", "CN")).post("/partners")
                .then().statusCode(400).body("errors.field", hasItem("oidcClientId"));
        given().contentType(ContentType.JSON).body("{\"legalName\":").post("/partners")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(TestDb.count("SELECT count(*) FROM partner WHERE oidc_client_id = ?", clientId)).isZero();
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsCannotOnboard() {
        given().contentType(ContentType.JSON).body(body(Fixtures.uniqueClientId("aud"), "CN")).post("/partners")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = "2b9ab027-cb68-523d-81ec-293ae3eaf63b"))
    void partnersCannotOnboard() {
        given().contentType(ContentType.JSON).body(body(Fixtures.uniqueClientId("p"), "CN")).post("/partners")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void subjectsCannotOnboard() {
        given().contentType(ContentType.JSON).body(body(Fixtures.uniqueClientId("s"), "CN")).post("/partners")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersAreUnauthenticated() {
        given().contentType(ContentType.JSON).body(body(Fixtures.uniqueClientId("anon"), "CN")).post("/partners")
                .then().statusCode(401);
        given().get("/partners").then().statusCode(401);
    }
}

package com.privacyplatform.registry.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.registry.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

/**
 * Rotation replaces the partner's credential in Keycloak at once: the old secret or key obtains no
 * more tokens, the new one does. Officers and the partner itself may rotate; others may not.
 */
@QuarkusTest
class CredentialRotationTest {

    /** Keycloak refuses a client credential with 400 or 401 (invalid_client), depending on the method. */
    static final org.hamcrest.Matcher<Integer> REFUSED = org.hamcrest.Matchers.oneOf(400, 401);

    /** Partner onboarded by an officer with a generated secret; answers the secret. */
    static String onboardWithSecret(String clientId) {
        return given().contentType(ContentType.JSON).body(ProvisioningTest.onboarding(clientId, "{\"method\":\"CLIENT_SECRET\"}")).post("/partners")
                .then().statusCode(201).extract().path("credential.clientSecret");
    }

    static final String OWN_CLIENT = "rotation-own-partner";
    static final String OWN = "8d06e36e-48b2-5b06-8317-5e1b429ecfd0"; // Ids.partnerIdFor(OWN_CLIENT), checked below

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void anOfficerRotatesASecretAndTheOldOneStopsWorking() {
        String clientId = Fixtures.uniqueClientId("rot");
        String old = onboardWithSecret(clientId);
        String id = Ids.partnerIdFor(clientId).toString();
        String fresh = given().contentType(ContentType.JSON).body("{\"method\":\"CLIENT_SECRET\"}")
                .post("/partners/" + id + "/credential-rotation").then().statusCode(200)
                .body("clientId", equalTo(clientId)).body("method", equalTo("CLIENT_SECRET"))
                .extract().path("clientSecret");
        assertThat(fresh).isNotEqualTo(old);
        PartnerClientsAdmin.secretToken(clientId, old).then().statusCode(REFUSED);
        PartnerClientsAdmin.secretToken(clientId, fresh).then().statusCode(200);
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'partner.credential-rotated'"
                + " AND target_id = ? AND details NOT LIKE ?", id, "%" + fresh + "%")).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void rotatingFromASecretToOwnKeysRetiresTheSecretAndAnOldKeyStopsWorkingOnTheNextRotation() throws Exception {
        String clientId = Fixtures.uniqueClientId("rotjwt");
        String secret = onboardWithSecret(clientId);
        String id = Ids.partnerIdFor(clientId).toString();
        RsaJsonWebKey first = ProvisioningTest.newKey();
        given().contentType(ContentType.JSON).body(ProvisioningTest.publicJwks(first))
                .post("/partners/" + id + "/credential-rotation").then().statusCode(200)
                .body("method", equalTo("PRIVATE_KEY_JWT")).body("clientSecret", nullValue());
        PartnerClientsAdmin.secretToken(clientId, secret).then().statusCode(REFUSED);
        PartnerClientsAdmin.assertionToken(clientId, first).then().statusCode(200);
        RsaJsonWebKey second = ProvisioningTest.newKey();
        given().contentType(ContentType.JSON).body(ProvisioningTest.publicJwks(second))
                .post("/partners/" + id + "/credential-rotation").then().statusCode(200);
        PartnerClientsAdmin.assertionToken(clientId, first).then().statusCode(REFUSED);
        PartnerClientsAdmin.assertionToken(clientId, second).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = OWN))
    void thePartnerRotatesItsOwnCredentialAndAMissingClientIsRecreatedInItsShape() {
        assertThat(Ids.partnerIdFor(OWN_CLIENT).toString()).isEqualTo(OWN);
        // registered without a client in Keycloak (as after an operator deleted it): rotation re-creates it
        TestDb.execute("INSERT INTO partner (id, legal_name, jurisdiction, oidc_client_id, contact_name, contact_email,"
                + " status, status_changed_at, created_at, updated_at) VALUES ('" + OWN + "', 'Own Ltd.', 'CN', '"
                + OWN_CLIENT + "', 'Li Wei', 'li.wei@shop.example', 'ACTIVE', now(), now(), now()) ON CONFLICT DO NOTHING");
        String secret = given().contentType(ContentType.JSON).body("{\"method\":\"CLIENT_SECRET\"}")
                .post("/partners/" + OWN + "/credential-rotation").then().statusCode(200)
                .body("clientId", equalTo(OWN_CLIENT)).extract().path("clientSecret");
        String token = PartnerClientsAdmin.secretToken(OWN_CLIENT, secret).then().statusCode(200).extract()
                .path("access_token");
        assertThat(PartnerClientsAdmin.claims(token).getString("partner_id")).isEqualTo(OWN);
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'partner.credential-rotated'"
                + " AND target_id = ? AND actor LIKE 'partner%'", OWN)).isPositive();
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void badRotationsAreRefusedAndChangeNothing() {
        String clientId = Fixtures.uniqueClientId("rotbad");
        String secret = onboardWithSecret(clientId);
        String id = Ids.partnerIdFor(clientId).toString();
        given().contentType(ContentType.JSON).body("{\"method\":\"PRIVATE_KEY_JWT\",\"jwksUrl\":\"ftp://x/jwks\"}")
                .post("/partners/" + id + "/credential-rotation").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("jwksUrl"));
        given().contentType(ContentType.JSON).body("{}").post("/partners/" + id + "/credential-rotation").then()
                .statusCode(400);
        given().contentType(ContentType.JSON).body("{\"method\":\"CLIENT_SECRET\"}")
                .post("/partners/" + java.util.UUID.randomUUID() + "/credential-rotation").then().statusCode(404);
        PartnerClientsAdmin.secretToken(clientId, secret).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsCannotRotate() {
        given().contentType(ContentType.JSON).body("{\"method\":\"CLIENT_SECRET\"}")
                .post("/partners/" + Fixtures.A + "/credential-rotation").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void subjectsCannotRotate() {
        given().contentType(ContentType.JSON).body("{\"method\":\"CLIENT_SECRET\"}")
                .post("/partners/" + Fixtures.A + "/credential-rotation").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersAreUnauthenticated() {
        given().contentType(ContentType.JSON).body("{\"method\":\"CLIENT_SECRET\"}")
                .post("/partners/" + Fixtures.A + "/credential-rotation").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.B))
    void aPartnerCannotRotateAnotherPartnersCredential() {
        Fixtures.knownPartners();
        given().contentType(ContentType.JSON).body("{\"method\":\"CLIENT_SECRET\"}")
                .post("/partners/" + Fixtures.A + "/credential-rotation").then().statusCode(404)
                .contentType("application/problem+json");
    }

}

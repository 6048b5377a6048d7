package com.privacyplatform.registry.credential;

import static io.restassured.RestAssured.given;

import com.privacyplatform.registry.support.KeycloakTestRealm;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** What the tests see of the test realm through the master admin, and the partner's side of the token endpoint. */
final class PartnerClientsAdmin {

    private static final String ADMIN = KeycloakTestRealm.URL + "/admin/realms/" + KeycloakTestRealm.REALM;

    private PartnerClientsAdmin() {
    }

    /** The client's representation, or null when Keycloak has none with that client id. */
    static JsonPath client(String clientId) {
        List<Map<String, Object>> found = given().auth().oauth2(KeycloakTestRealm.adminToken())
                .queryParam("clientId", clientId).get(ADMIN + "/clients").then().statusCode(200).extract()
                .jsonPath().getList("$");
        return found.isEmpty() ? null : new JsonPath(given().auth().oauth2(KeycloakTestRealm.adminToken())
                .get(ADMIN + "/clients/" + found.get(0).get("id")).then().statusCode(200).extract().asString());
    }

    static JsonPath get(String clientUuid, String path) {
        return given().auth().oauth2(KeycloakTestRealm.adminToken()).get(ADMIN + "/clients/" + clientUuid + path)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Creates a client as an operator would, outside the registry; answers its uuid. */
    static String createClient(Map<String, Object> representation) {
        String location = given().auth().oauth2(KeycloakTestRealm.adminToken()).contentType(ContentType.JSON)
                .body(representation).post(ADMIN + "/clients").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** An officer's onboarding of a new partner with a generated secret (retried requests: same key). */
    static io.restassured.response.Response onboardWithSecret(String clientId) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", clientId)
                .body(ProvisioningTest.onboarding(clientId, "{\"method\":\"CLIENT_SECRET\"}")).post("/partners");
    }

    /** No trace of an onboarding: no partner row, no audit record, no stored answer, no client in Keycloak. */
    static void assertNothingOnboarded(String clientId) {
        String id = com.privacyplatform.commons.ids.Ids.partnerIdFor(clientId).toString();
        org.assertj.core.api.Assertions.assertThat(com.privacyplatform.testing.TestDb.count(
                "SELECT count(*) FROM partner WHERE id = ?::uuid", id)).isZero();
        org.assertj.core.api.Assertions.assertThat(com.privacyplatform.testing.TestDb.count(
                "SELECT count(*) FROM platform_audit_record WHERE target_id = ?", id)).isZero();
        org.assertj.core.api.Assertions.assertThat(com.privacyplatform.testing.TestDb.count(
                "SELECT count(*) FROM platform_idempotency WHERE key = ?", clientId)).isZero();
        org.assertj.core.api.Assertions.assertThat(client(clientId)).isNull();
    }

    static io.restassured.response.Response secretToken(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).post(KeycloakTestRealm.TOKEN_URL);
    }

    /** RFC 7523 client authentication: an assertion signed with the partner's private key. */
    static io.restassured.response.Response assertionToken(String clientId, RsaJsonWebKey key) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(clientId);
        claims.setSubject(clientId);
        claims.setAudience(KeycloakTestRealm.URL + "/realms/" + KeycloakTestRealm.REALM);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(1);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .formParam("client_assertion", jws.getCompactSerialization()).post(KeycloakTestRealm.TOKEN_URL);
    }

    static JsonPath claims(String accessToken) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }
}

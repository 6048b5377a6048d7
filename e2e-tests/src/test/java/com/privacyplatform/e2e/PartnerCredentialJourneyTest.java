package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.sdk.PlatformApi;
import com.privacyplatform.sdk.api.PartnersApi;
import com.privacyplatform.sdk.invoker.ApiClient;
import com.privacyplatform.sdk.invoker.ApiException;
import com.privacyplatform.sdk.model.Credential;
import com.privacyplatform.sdk.model.CredentialMethod;
import com.privacyplatform.sdk.model.CredentialRequest;
import com.privacyplatform.sdk.model.Partner;
import com.privacyplatform.testing.Tokens;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a brand-new partner gets its credential from onboarding - nobody edits the realm. An
 * officer onboards it through the gateway; the partner obtains tokens from the real Keycloak with
 * the returned credential (a generated secret, or its own key: private_key_jwt), calls the API
 * through the SDK, rotates its credential, and the old one obtains no more tokens.
 */
class PartnerCredentialJourneyTest {

    /** Keycloak refuses a client credential with 400 or 401 (invalid_client), depending on the method. */
    static final org.hamcrest.Matcher<Integer> REFUSED = org.hamcrest.Matchers.oneOf(400, 401);

    @Test
    void aNewPartnerUsesTheSecretOnboardingReturnedAndRotatesIt() throws Exception {
        String clientId = "e2e-secret-" + UUID.randomUUID();
        try (KeycloakFixture keycloak = new KeycloakFixture()) {
            keycloak.track(clientId);
            Map<String, Object> onboarded = onboard(clientId, "{\"method\":\"CLIENT_SECRET\"}");
            @SuppressWarnings("unchecked")
            Map<String, Object> credential = (Map<String, Object>) onboarded.get("credential");
            assertThat(credential).containsEntry("method", "CLIENT_SECRET").containsEntry("clientId", clientId)
                    .containsEntry("tokenLifetimeSeconds", 300);
            String secret = (String) credential.get("clientSecret");
            UUID partnerId = UUID.fromString((String) onboarded.get("id"));

            // the partner: a token with the returned secret, the API through the SDK
            String token = secretToken(clientId, secret).then().statusCode(200).extract().path("access_token");
            assertThat(claim(token, "partner_id")).isEqualTo(partnerId.toString());
            PartnersApi partners = new PartnersApi(Platform.sdk(token));
            Partner own = partners.apiPartnersIdGet(partnerId);
            assertThat(own.getOidcClientId()).isEqualTo(clientId);

            // it rotates its own secret: the old one obtains no more tokens, the new one does
            Credential rotated = partners.apiPartnersIdCredentialRotationPost(partnerId,
                    new CredentialRequest().method(CredentialMethod.CLIENT_SECRET));
            assertThat(rotated.getClientSecret()).isNotBlank().isNotEqualTo(secret);
            secretToken(clientId, secret).then().statusCode(REFUSED);
            String fresh = secretToken(clientId, rotated.getClientSecret()).then().statusCode(200).extract()
                    .path("access_token");
            assertThat(new PartnersApi(Platform.sdk(fresh)).apiPartnersIdGet(partnerId).getId()).isEqualTo(partnerId);
            // the platform kept no copy: the partner's record shows no secret, and another partner cannot rotate it
            as(Platform.officer()).get("/api/partners/" + partnerId).then().statusCode(200)
                    .body("credential", nullValue());
            assertThatThrownBy(() -> new PartnersApi(Platform.sdk(Platform.partnerB()))
                    .apiPartnersIdCredentialRotationPost(partnerId, new CredentialRequest().method(CredentialMethod.CLIENT_SECRET)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        }
    }

    @Test
    void aNewPartnerSignsWithItsOwnKeyAndRotatesToANewOne() throws Exception {
        String clientId = "e2e-jwt-" + UUID.randomUUID();
        try (KeycloakFixture keycloak = new KeycloakFixture()) {
            keycloak.track(clientId);
            RsaJsonWebKey key = newKey();
            Map<String, Object> onboarded = onboard(clientId, "{\"method\":\"PRIVATE_KEY_JWT\",\"jwks\":{\"keys\":["
                    + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}}");
            UUID partnerId = UUID.fromString((String) onboarded.get("id"));
            assertThat(onboarded.get("credential").toString()).contains("PRIVATE_KEY_JWT").doesNotContain("clientSecret");

            // the SDK with the partner's own token source: a client assertion signed with its private key
            RsaJsonWebKey[] current = {key};
            ApiClient sdk = PlatformApi.client(URI.create(Platform.GATEWAY), () -> assertionToken(clientId, current[0]));
            PartnersApi partners = new PartnersApi(sdk);
            assertThat(partners.apiPartnersIdGet(partnerId).getOidcClientId()).isEqualTo(clientId);

            RsaJsonWebKey next = newKey();
            Credential rotated = partners.apiPartnersIdCredentialRotationPost(partnerId, new CredentialRequest()
                    .method(CredentialMethod.PRIVATE_KEY_JWT).jwks(Map.of("keys",
                            java.util.List.of(next.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)))));
            assertThat(rotated.getMethod()).isEqualTo(CredentialMethod.PRIVATE_KEY_JWT);
            assertionResponse(clientId, key).then().statusCode(REFUSED);
            current[0] = next;
            assertThat(partners.apiPartnersIdGet(partnerId).getId()).isEqualTo(partnerId);
        }
    }

    @Test
    void onboardingAClientIdKeycloakUsesForAnotherClientIsAConflictThatLeavesNoPartner() throws Exception {
        // the platform's own service client: never taken over as a partner
        as(Platform.officer()).body(body("platform-services", "{\"method\":\"CLIENT_SECRET\"}")).post("/api/partners")
                .then().statusCode(409).contentType("application/problem+json");
        as(Platform.officer()).get("/api/partners/" + ReadmeWalkthrough.partnerId("platform-services")).then()
                .statusCode(404);
    }

    private static Map<String, Object> onboard(String clientId, String credential) {
        return as(Platform.officer()).body(body(clientId, credential)).post("/api/partners").then().statusCode(201)
                .body("oidcClientId", equalTo(clientId)).body("status", equalTo("PENDING"))
                .extract().jsonPath().getMap("$");
    }

    private static String body(String clientId, String credential) {
        return "{\"legalName\":\"Credential " + clientId + " Ltd.\",\"jurisdiction\":\"CN\",\"oidcClientId\":\""
                + clientId + "\",\"contact\":{\"name\":\"Li Wei\",\"email\":\"privacy@shop.example\"},"
                + "\"credential\":" + credential + "}";
    }

    private static Response secretToken(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).post(Tokens.TOKEN_URL);
    }

    private static String assertionToken(String clientId, RsaJsonWebKey key) {
        return assertionResponse(clientId, key).then().statusCode(200).extract().path("access_token");
    }

    /** RFC 7523: the partner authenticates with a short-lived assertion signed by its private key. */
    private static Response assertionResponse(String clientId, RsaJsonWebKey key) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(clientId);
            claims.setSubject(clientId);
            claims.setAudience(Tokens.ISSUER);
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
                    .formParam("client_assertion", jws.getCompactSerialization()).post(Tokens.TOKEN_URL);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey newKey() throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(UUID.randomUUID().toString());
        return key;
    }

    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getString(name);
    }
}

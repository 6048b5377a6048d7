package com.privacyplatform.registry.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.registry.support.Fixtures;
import com.privacyplatform.registry.support.KeycloakTestRealm;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.Test;

/**
 * Onboarding creates the partner's client in the real Keycloak (the test realm of
 * {@link KeycloakTestRealm}, with the realm file's partner-registry-admin account): the client has
 * exactly the partner shape, the returned credential obtains tokens, a generated secret is kept
 * nowhere, and an id Keycloak already uses for someone else is refused without a trace.
 */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestRealm.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "olivia", roles = "compliance-officer")
class ProvisioningTest {

    /** Keycloak refuses a client credential with 400 or 401 (invalid_client), depending on the method. */
    static final org.hamcrest.Matcher<Integer> REFUSED = org.hamcrest.Matchers.oneOf(400, 401);

    static String onboarding(String clientId, String credential) {
        return "{\"legalName\":\"Shop " + clientId + " Ltd.\",\"jurisdiction\":\"CN\",\"oidcClientId\":\"" + clientId
                + "\",\"contact\":{\"name\":\"Li Wei\",\"email\":\"li.wei@shop.example\"}"
                + (credential == null ? "" : ",\"credential\":" + credential) + "}";
    }

    static RsaJsonWebKey newKey() throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(UUID.randomUUID().toString());
        return key;
    }

    static String publicJwks(RsaJsonWebKey key) {
        return "{\"method\":\"PRIVATE_KEY_JWT\",\"jwks\":{\"keys\":[" + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                + "]}}";
    }

    @Test
    @Verifies(value = "3.4.f", exercises = "PartnerClients#provision")
    void aProvisionedClientCarriesOnlyThePartnerRoleItsPartnerIdAndTheAudience() {
        String clientId = Fixtures.uniqueClientId("shape");
        String partnerId = Ids.partnerIdFor(clientId).toString();
        String secret = given().contentType(ContentType.JSON).body(onboarding(clientId, "{\"method\":\"CLIENT_SECRET\"}"))
                .post("/partners").then().statusCode(201)
                .body("credential.clientId", equalTo(clientId)).body("credential.method", equalTo("CLIENT_SECRET"))
                .body("credential.tokenLifetimeSeconds", equalTo(300))
                .extract().path("credential.clientSecret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);

        // the token: the partner role, partner_id and the API audience - nothing granted beyond them
        String token = PartnerClientsAdmin.secretToken(clientId, secret).then().statusCode(200)
                .extract().path("access_token");
        JsonPath claims = PartnerClientsAdmin.claims(token);
        assertThat(claims.getList("realm_access.roles")).containsExactly("partner");
        assertThat(claims.getString("partner_id")).isEqualTo(partnerId);
        assertThat(claims.getString("aud")).isEqualTo("privacy-api");
        assertThat(claims.getMap("$")).doesNotContainKeys("resource_access", "email", "preferred_username");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(300);

        // the client, inspected through the admin API: exactly the partner shape
        JsonPath client = PartnerClientsAdmin.client(clientId);
        String uuid = client.getString("id");
        assertThat(client.getBoolean("enabled")).isTrue();
        assertThat(client.getBoolean("publicClient")).isFalse();
        assertThat(client.getBoolean("serviceAccountsEnabled")).isTrue();
        assertThat(client.getBoolean("standardFlowEnabled")).isFalse();
        assertThat(client.getBoolean("implicitFlowEnabled")).isFalse();
        assertThat(client.getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(client.getBoolean("fullScopeAllowed")).isFalse();
        assertThat(client.getString("attributes.'access.token.lifespan'")).isEqualTo("300");
        List<Map<String, Object>> mappers = client.getList("protocolMappers");
        assertThat(mappers).extracting(m -> m.get("protocolMapper"))
                .containsExactlyInAnyOrder("oidc-hardcoded-claim-mapper", "oidc-hardcoded-role-mapper");
        assertThat(client.getString("protocolMappers.find { it.protocolMapper == 'oidc-hardcoded-claim-mapper' }"
                + ".config.'claim.value'")).isEqualTo(partnerId);
        assertThat(client.getString("protocolMappers.find { it.protocolMapper == 'oidc-hardcoded-role-mapper' }"
                + ".config.role")).isEqualTo("partner");
        assertThat(PartnerClientsAdmin.get(uuid, "/default-client-scopes").getList("name", String.class))
                .containsExactlyInAnyOrder("basic", "roles", "privacy-api-audience");
        assertThat(PartnerClientsAdmin.get(uuid, "/optional-client-scopes").getList("$")).isEmpty();
        JsonPath scopeMappings = PartnerClientsAdmin.get(uuid, "/scope-mappings");
        assertThat(scopeMappings.getList("realmMappings")).isNullOrEmpty();
        assertThat(scopeMappings.getMap("clientMappings")).isNullOrEmpty();

        // the platform keeps no copy of the secret: not in the record, the audit trail or the replay store
        assertThat(TestDb.count("SELECT count(*) FROM partner WHERE id = ?::uuid", partnerId)).isEqualTo(1);
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE details::text LIKE ?",
                "%" + secret + "%")).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_idempotency WHERE body::text LIKE ?",
                "%" + secret + "%")).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'partner.client-created'"
                + " AND target_id = ?", partnerId)).isEqualTo(1);
    }

    @Test
    void aReplayedOnboardingAnswersWithoutTheSecretItShowedOnce() {
        String clientId = Fixtures.uniqueClientId("replay");
        String body = onboarding(clientId, "{\"method\":\"CLIENT_SECRET\"}");
        given().contentType(ContentType.JSON).header("Idempotency-Key", clientId).body(body).post("/partners")
                .then().statusCode(201).body("credential.clientSecret", notNullValue());
        given().contentType(ContentType.JSON).header("Idempotency-Key", clientId).body(body).post("/partners")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("credential.method", equalTo("CLIENT_SECRET")).body("credential.clientSecret", nullValue());
        assertThat(TestDb.count("SELECT count(*) FROM platform_idempotency WHERE body::text LIKE '%clientSecret%'"))
                .isZero();
    }

    @Test
    void aPartnerWithItsOwnKeysObtainsTokensWithSignedAssertions() throws Exception {
        String clientId = Fixtures.uniqueClientId("jwt");
        RsaJsonWebKey key = newKey();
        given().contentType(ContentType.JSON).body(onboarding(clientId, publicJwks(key))).post("/partners")
                .then().statusCode(201).body("credential.method", equalTo("PRIVATE_KEY_JWT"))
                .body("credential.clientSecret", nullValue());
        String token = PartnerClientsAdmin.assertionToken(clientId, key).then().statusCode(200).extract()
                .path("access_token");
        assertThat(PartnerClientsAdmin.claims(token).getString("partner_id"))
                .isEqualTo(Ids.partnerIdFor(clientId).toString());
        JsonPath client = PartnerClientsAdmin.client(clientId);
        assertThat(client.getString("clientAuthenticatorType")).isEqualTo("client-jwt");
        assertThat(client.getString("attributes.'jwks.string'")).doesNotContain("\"d\"");
        // another key than the registered one is refused
        PartnerClientsAdmin.assertionToken(clientId, newKey()).then().statusCode(REFUSED);
    }

    @Test
    void unusableCredentialsAreRefusedAndCreateNothing() throws Exception {
        String clientId = Fixtures.uniqueClientId("badcred");
        RsaJsonWebKey key = newKey();
        String privateJwks = "{\"method\":\"PRIVATE_KEY_JWT\",\"jwks\":{\"keys\":["
                + key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE) + "]}}";
        RsaJsonWebKey shortKey = RsaJwkGenerator.generateJwk(1024);
        shortKey.setKeyId("short");
        expect400(clientId, privateJwks, "credential.jwks.keys[0]");
        expect400(clientId, publicJwks(shortKey), "credential.jwks.keys[0]");
        expect400(clientId, "{\"method\":\"PRIVATE_KEY_JWT\",\"jwksUrl\":\"http://shop.example/jwks\"}",
                "credential.jwksUrl");
        expect400(clientId, "{\"method\":\"PRIVATE_KEY_JWT\"}", "credential.jwks");
        expect400(clientId, "{\"method\":\"PRIVATE_KEY_JWT\",\"jwks\":{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\","
                + "\"kid\":\"k\"}]}}", "credential.jwks.keys[0]");
        expect400(clientId, "{\"method\":\"CLIENT_SECRET\",\"jwksUrl\":\"https://shop.example/jwks\"}",
                "credential.jwksUrl");
        expect400(clientId, "{\"method\":\"PASSWORD\"}", null);
        expect400(clientId, null, "credential"); // a new client needs a credential
        assertThat(TestDb.count("SELECT count(*) FROM partner WHERE oidc_client_id = ?", clientId)).isZero();
        assertThat(PartnerClientsAdmin.client(clientId)).isNull();
    }

    @Test
    void aClientIdKeycloakUsesForAnotherClientIsAConflictAndChangesNothing() {
        String clientId = Fixtures.uniqueClientId("taken");
        PartnerClientsAdmin.createClient(Map.of("clientId", clientId, "publicClient", false,
                "serviceAccountsEnabled", true, "standardFlowEnabled", false, "secret", "theirs"));
        given().contentType(ContentType.JSON).body(onboarding(clientId, "{\"method\":\"CLIENT_SECRET\"}"))
                .post("/partners").then().statusCode(409).contentType("application/problem+json");
        assertThat(TestDb.count("SELECT count(*) FROM partner WHERE oidc_client_id = ?", clientId)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ?",
                Ids.partnerIdFor(clientId).toString())).isZero();
        PartnerClientsAdmin.secretToken(clientId, "theirs").then().statusCode(200); // untouched
    }

    @Test
    void aClientPreparedForThisPartnerIsTakenOverIntoTheShapeAndKeepsItsSecret() {
        String clientId = Fixtures.uniqueClientId("prepared");
        String partnerId = Ids.partnerIdFor(clientId).toString();
        Map<String, Object> partnerIdClaim = Map.of("name", "partner_id", "protocol", "openid-connect",
                "protocolMapper", "oidc-hardcoded-claim-mapper", "config", Map.of("claim.name", "partner_id",
                        "claim.value", partnerId, "jsonType.label", "String", "access.token.claim", "true"));
        Map<String, Object> extra = Map.of("name", "extra", "protocol", "openid-connect",
                "protocolMapper", "oidc-hardcoded-claim-mapper", "config", Map.of("claim.name", "extra",
                        "claim.value", "x", "access.token.claim", "true"));
        PartnerClientsAdmin.createClient(Map.of("clientId", clientId, "publicClient", false,
                "serviceAccountsEnabled", true, "standardFlowEnabled", true, "directAccessGrantsEnabled", true,
                "redirectUris", List.of("https://shop.example/*"), "secret", "prepared-secret",
                "protocolMappers", List.of(partnerIdClaim, extra)));
        given().contentType(ContentType.JSON).body(onboarding(clientId, null)).post("/partners").then()
                .statusCode(201).body("credential.method", equalTo("CLIENT_SECRET"))
                .body("credential.clientSecret", nullValue());
        JsonPath client = PartnerClientsAdmin.client(clientId);
        assertThat(client.getBoolean("standardFlowEnabled")).isFalse();
        assertThat(client.getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(client.getList("protocolMappers.name")).containsExactlyInAnyOrder("partner_id", "partner-role");
        assertThat(PartnerClientsAdmin.get(client.getString("id"), "/default-client-scopes").getList("name", String.class))
                .containsExactlyInAnyOrder("basic", "roles", "privacy-api-audience");
        String token = PartnerClientsAdmin.secretToken(clientId, "prepared-secret").then().statusCode(200).extract()
                .path("access_token");
        JsonPath claims = PartnerClientsAdmin.claims(token);
        assertThat(claims.getList("realm_access.roles")).containsExactly("partner");
        assertThat(claims.getMap("$")).doesNotContainKey("extra");
    }

    private static void expect400(String clientId, String credential, String field) {
        var response = given().contentType(ContentType.JSON).body(onboarding(clientId, credential)).post("/partners")
                .then().statusCode(400).contentType("application/problem+json");
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
    }
}

package com.privacyplatform.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real tokens that the gateway must refuse, obtained from the platform's own Keycloak without
 * touching the demo realm's file: a token of the {@code master} realm (wrong issuer), and tokens of
 * temporary clients created in realm {@code privacy} through the admin REST API - one without the
 * {@code privacy-api} audience, one whose tokens expire after a few seconds. The clients are deleted
 * again by {@link #close()}.
 *
 * <p>Admin credentials: the local bootstrap admin of the master realm (admin/admin in local runs);
 * override with {@code -De2e.keycloak.admin.user/-password} or {@code KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD}
 * (the variables ./platform starts Keycloak with), the server with {@code -De2e.keycloak.url}.
 */
final class KeycloakFixture implements AutoCloseable {

    static final String URL = System.getProperty("e2e.keycloak.url", "http://localhost:8180");
    private static final String REALM = "privacy";

    private final String adminUser = setting("e2e.keycloak.admin.user", "KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    private final String adminPassword = setting("e2e.keycloak.admin.password", "KC_BOOTSTRAP_ADMIN_PASSWORD",
            "admin");
    private final List<String> created = new java.util.ArrayList<>();

    /** An access token of the master realm's admin: signed by Keycloak, but issued by another realm. */
    String masterRealmToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", adminUser).formParam("password", adminPassword)
                .post(URL + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    /**
     * A client-credentials token of a new confidential client of realm privacy.
     *
     * @param scopes its default client scopes (without {@code privacy-api-audience} its tokens carry
     *        no {@code privacy-api} audience)
     * @param lifespanSeconds access-token lifespan of the client, or null for the realm's
     */
    String clientToken(List<String> scopes, Integer lifespanSeconds) {
        String clientId = "e2e-temp-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        Map<String, Object> attributes = lifespanSeconds == null ? Map.of()
                : Map.of("access.token.lifespan", Integer.toString(lifespanSeconds));
        Map<String, Object> client = Map.of("clientId", clientId, "secret", secret, "enabled", true,
                "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "directAccessGrantsEnabled", false, "defaultClientScopes", scopes, "optionalClientScopes", List.of(),
                "attributes", attributes);
        given().auth().oauth2(masterRealmToken()).contentType(ContentType.JSON).body(client)
                .post(URL + "/admin/realms/" + REALM + "/clients").then().statusCode(201);
        created.add(clientId);
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(URL + "/realms/" + REALM + "/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    @Override
    public void close() {
        if (created.isEmpty()) {
            return;
        }
        String admin = masterRealmToken();
        for (String clientId : created) {
            List<String> ids = given().auth().oauth2(admin).queryParam("clientId", clientId)
                    .get(URL + "/admin/realms/" + REALM + "/clients").then().statusCode(200).extract().path("id");
            for (String id : ids) {
                given().auth().oauth2(admin).delete(URL + "/admin/realms/" + REALM + "/clients/" + id).then()
                        .statusCode(204);
            }
        }
        created.clear();
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}

package com.privacyplatform.registry.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The registry's tests provision partner clients into a realm of their own on the real Keycloak
 * (never into the shared realm {@code privacy}): {@value #REALM}, made fresh for each run from the
 * repository's realm file - its roles, client scopes and the {@code partner-registry-admin} client
 * with its service account (realm-management {@code manage-clients} only), none of its demo users or
 * clients - with a secret of this run, and deleted again at the end. So the tests exercise the very
 * admin account the realm file declares.
 *
 * <p>Master-realm admin: {@code admin}/{@code admin} locally, or {@code KC_BOOTSTRAP_ADMIN_USERNAME}/{@code
 * _PASSWORD}; server {@code -Dkeycloak.url} (default http://localhost:8180).
 */
public class KeycloakTestRealm implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "partner-registry-test";
    public static final String URL = System.getProperty("keycloak.url", "http://localhost:8180");
    public static final String TOKEN_URL = URL + "/realms/" + REALM + "/protocol/openid-connect/token";
    private static final Path REALM_FILE = Path.of("..", "infra", "keycloak", "realm-privacy.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Map<String, String> start() {
        String secret = UUID.randomUUID().toString();
        deleteRealm();
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(realm(secret).toString())
                .post(URL + "/admin/realms").then().statusCode(201);
        return Map.of("registry.partner-clients.realm", REALM, "quarkus.keycloak.admin-client.client-secret", secret);
    }

    @Override
    public void stop() {
        deleteRealm();
    }

    /** An access token of the master realm's admin, to inspect what the registry provisioned. */
    public static String adminToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", setting("KC_BOOTSTRAP_ADMIN_USERNAME")).formParam("password",
                        setting("KC_BOOTSTRAP_ADMIN_PASSWORD"))
                .post(URL + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    private static ObjectNode realm(String secret) {
        JsonNode file;
        try {
            file = JSON.readTree(Files.readString(REALM_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode realm = JSON.createObjectNode();
        realm.put("realm", REALM).put("enabled", true).put("sslRequired", "none")
                .put("accessTokenLifespan", file.path("accessTokenLifespan").asInt(300));
        for (String field : new String[] {"roles", "clientScopes", "defaultDefaultClientScopes",
                "defaultOptionalClientScopes"}) {
            realm.set(field, file.path(field));
        }
        ArrayNode clients = realm.putArray("clients");
        file.path("clients").forEach(client -> {
            if ("partner-registry-admin".equals(client.path("clientId").asText())) {
                clients.add(((ObjectNode) client.deepCopy()).put("secret", secret));
            }
        });
        ArrayNode users = realm.putArray("users");
        file.path("users").forEach(user -> {
            if ("partner-registry-admin".equals(user.path("serviceAccountClientId").asText())) {
                ObjectNode copy = user.deepCopy();
                copy.remove("id"); // ids are unique across realms
                users.add(copy);
            }
        });
        if (clients.isEmpty() || users.isEmpty()) {
            throw new IllegalStateException("the realm file declares no partner-registry-admin client and service account");
        }
        return realm;
    }

    private static void deleteRealm() {
        int status = given().auth().oauth2(adminToken()).delete(URL + "/admin/realms/" + REALM).statusCode();
        if (status != 204 && status != 404) {
            throw new IllegalStateException("could not delete the test realm: " + status);
        }
    }

    private static String setting(String env) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? "admin" : value;
    }
}

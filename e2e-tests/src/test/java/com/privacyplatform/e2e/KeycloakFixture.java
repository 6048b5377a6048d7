package com.privacyplatform.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Temporary clients and users of the platform's own Keycloak, created through the admin REST API
 * without touching the demo realm's file, and deleted again by {@link #close()}. Tokens the gateway
 * must refuse: a token of the {@code master} realm (wrong issuer), and tokens of temporary clients
 * of realm {@code privacy} - one without the {@code privacy-api} audience, one whose tokens expire
 * after a few seconds. A throwaway data subject shaped like the demo realm's {@code alice}; partner
 * clients that onboarding created, deleted again at the end ({@link #track}).
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
    private final List<String> createdUsers = new java.util.ArrayList<>();

    /** A throwaway partner client's credentials. */
    record PartnerClient(String clientId, String secret, String partnerId) {
    }

    /** A throwaway data subject: {@code id} is the {@code sub} of their tokens, i.e. their subject id. */
    record SubjectUser(String username, String password, String id) {
    }

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

    /** A client someone else created (the registry, at onboarding) that {@link #close()} deletes too. */
    void track(String clientId) {
        created.add(clientId);
    }

    /** The client's representation as the realm's admin sees it (null when there is none). */
    @SuppressWarnings("unchecked")
    Map<String, Object> client(String clientId) {
        List<Map<String, Object>> found = given().auth().oauth2(masterRealmToken()).queryParam("clientId", clientId)
                .get(URL + "/admin/realms/" + REALM + "/clients").then().statusCode(200).extract().as(List.class);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * A confidential partner client created before onboarding (the registry takes it over, keeping
     * its secret, since its hard-coded partner_id is the partner's), shaped like the demo realm's {@code partner-demo-a}: client
     * credentials only, the {@code privacy-api} audience, role {@code partner} on its service account,
     * and a hard-coded {@code partner_id} claim (the id the registry derives from the client id).
     */
    PartnerClient partnerClient(String clientId, String partnerId) {
        String secret = UUID.randomUUID().toString();
        Map<String, Object> partnerIdClaim = Map.of("name", "partner_id", "protocol", "openid-connect",
                "protocolMapper", "oidc-hardcoded-claim-mapper", "consentRequired", false,
                "config", Map.of("claim.name", "partner_id", "claim.value", partnerId, "jsonType.label", "String",
                        "access.token.claim", "true", "id.token.claim", "false", "userinfo.token.claim", "false",
                        "introspection.token.claim", "true"));
        Map<String, Object> client = Map.ofEntries(Map.entry("clientId", clientId), Map.entry("secret", secret),
                Map.entry("enabled", true), Map.entry("protocol", "openid-connect"), Map.entry("publicClient", false),
                Map.entry("clientAuthenticatorType", "client-secret"), Map.entry("serviceAccountsEnabled", true),
                Map.entry("standardFlowEnabled", false), Map.entry("directAccessGrantsEnabled", false),
                Map.entry("defaultClientScopes", List.of("basic", "acr", "roles", "profile", "privacy-api-audience")),
                Map.entry("optionalClientScopes", List.of()), Map.entry("protocolMappers", List.of(partnerIdClaim)));
        String admin = masterRealmToken();
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                .post(URL + "/admin/realms/" + REALM + "/clients").then().statusCode(201).extract().header("Location");
        created.add(clientId);
        String serviceAccount = given().auth().oauth2(admin).get(location + "/service-account-user").then()
                .statusCode(200).extract().path("id");
        grantRealmRole(admin, serviceAccount, "partner");
        return new PartnerClient(clientId, secret, partnerId);
    }

    /** A user shaped like the demo realm's {@code alice}: realm role {@code data-subject}, a password. */
    SubjectUser subjectUser() {
        String username = "e2e-subject-" + UUID.randomUUID();
        String password = UUID.randomUUID().toString();
        Map<String, Object> user = Map.of("username", username, "enabled", true, "email", username + "@example.com",
                "emailVerified", true, "firstName", "Throwaway", "lastName", "Subject", "requiredActions", List.of(),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        String admin = masterRealmToken();
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON).body(user)
                .post(URL + "/admin/realms/" + REALM + "/users").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        createdUsers.add(id);
        grantRealmRole(admin, id, "data-subject");
        return new SubjectUser(username, password, id);
    }

    @SuppressWarnings("unchecked")
    private static void grantRealmRole(String admin, String userId, String role) {
        Map<String, Object> representation = given().auth().oauth2(admin)
                .get(URL + "/admin/realms/" + REALM + "/roles/" + role).then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(representation))
                .post(URL + "/admin/realms/" + REALM + "/users/" + userId + "/role-mappings/realm").then()
                .statusCode(204);
    }

    @Override
    public void close() {
        if (created.isEmpty() && createdUsers.isEmpty()) {
            return;
        }
        String admin = masterRealmToken();
        for (String userId : createdUsers) {
            given().auth().oauth2(admin).delete(URL + "/admin/realms/" + REALM + "/users/" + userId).then()
                    .statusCode(204);
        }
        createdUsers.clear();
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

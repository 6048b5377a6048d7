package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.commons.identity.token.VerifiedTokens;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fast path (ApiRoutes#fastPath, issue 19) with real Keycloak tokens: a token the cache holds as
 * verified is judged and forwarded without Quarkus' HTTP security layer, with the same checks and the
 * same answers as the full path; a token not cached, a tampered copy of a cached one, or an expired
 * one goes to quarkus-oidc and is refused there. Which path answered is read from the fast path's
 * counter ({@code gateway.api.fast-path}).
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayFastPathTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String A = "2b9ab027-cb68-523d-81ec-293ae3eaf63b";
    private static final String KEYCLOAK = Tokens.ISSUER.substring(0, Tokens.ISSUER.indexOf("/realms/"));

    @Inject
    VerifiedTokens tokens;

    @Inject
    MeterRegistry meters;

    @Test
    @Verifies(value = "3.4.b", exercises = {"ApiRoutes#fastPath", "VerifiedTokens#hit"})
    void aCachedTokenIsForwardedOnTheFastPathAndAFreshOneOnTheFullPath() {
        String token = Tokens.partner("partner-demo-a");
        double before = fastPath();
        // a miss: quarkus-oidc verifies it (the full path) and the filler caches it
        Response first = post(token, "/api/partners/42/self-inspections");
        assertThat(fastPath()).isEqualTo(before);
        assertThat(tokens.contains(token)).isTrue();
        // a hit: forwarded exactly as the full path forwards it
        Response second = post(token, "/api/partners/42/self-inspections");
        assertThat(fastPath()).isEqualTo(before + 1);
        assertThat(second.statusCode()).isEqualTo(first.statusCode()).isBetween(200, 299);
        assertThat(second.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(second.jsonPath().getString("uri")).isEqualTo("/partners/42/self-inspections");
        assertThat(second.jsonPath().getString("headers.authorization")).isEqualTo("Bearer " + token);
        assertThat(second.jsonPath().getInt("bodyLength")).isEqualTo(7);
        for (String header : List.of("Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options",
                "Referrer-Policy", "Cache-Control", "Content-Security-Policy")) {
            assertThat(second.header(header)).as(header).isEqualTo(first.header(header)).isNotNull();
        }
        // a backend that is down: the same 503 problem on both paths
        String other = Tokens.partner("partner-demo-a");
        Response fullDown = post(other, "/api/consents/check");
        Response fastDown = post(other, "/api/consents/check");
        assertThat(fastPath()).isEqualTo(before + 2);
        assertThat(fastDown.statusCode()).isEqualTo(fullDown.statusCode()).isEqualTo(503);
        assertThat(fastDown.body().asString()).isEqualTo(fullDown.body().asString());
        assertThat(fastDown.header("Retry-After")).isEqualTo(fullDown.header("Retry-After"));
    }

    @Test
    @Verifies(value = "3.4.b", exercises = {"ApiRoutes#fastPath", "VerifiedTokens#hit"})
    void aTamperedOrForgedCopyOfACachedTokenGoesToQuarkusOidcAndIsRefused() {
        String token = Tokens.partner("partner-demo-a");
        given().auth().oauth2(token).get("/api/partners/42").then().statusCode(200);
        given().auth().oauth2(token).get("/api/partners/42").then().statusCode(200);
        assertThat(tokens.contains(token)).isTrue();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"partner\"", "\"compliance-officer\"");
        String tampered = parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String forged = parts[0] + "." + parts[1] + "." + B64.encodeToString(new byte[256]);
        String appended = token + "x";
        double before = fastPath();
        for (String bad : List.of(tampered, forged, appended, token.substring(0, token.length() - 1))) {
            given().auth().oauth2(bad).get("/api/partners/42").then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"privacy\"")
                    .body("status", equalTo(401))
                    .body("type", equalTo("https://privacy-platform.example/problems/unauthenticated"));
            assertThat(tokens.contains(bad)).isFalse();
        }
        assertThat(fastPath()).isEqualTo(before);
        // the genuine token is still answered from the cache
        given().auth().oauth2(token).get("/api/partners/42").then().statusCode(200);
        assertThat(fastPath()).isEqualTo(before + 1);
    }

    @Test
    @Verifies(value = "3.4.b", exercises = {"ApiRoutes#fastPath", "VerifiedTokens#hit"})
    void anExpiredTokenIsNeverForwardedFromTheCache() throws Exception {
        try (ShortLivedClient client = new ShortLivedClient(5)) {
            String token = client.token();
            given().auth().oauth2(token).get("/api/partners/42").then().statusCode(200);
            double before = fastPath();
            given().auth().oauth2(token).get("/api/partners/42").then().statusCode(200);
            assertThat(fastPath()).isEqualTo(before + 1);
            await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30))
                    .until(() -> given().auth().oauth2(token).get("/api/partners/42").statusCode() == 401);
            double afterExpiry = fastPath();
            given().auth().oauth2(token).get("/api/partners/42").then().statusCode(401)
                    .contentType("application/problem+json");
            assertThat(fastPath()).isEqualTo(afterExpiry);
            assertThat(tokens.contains(token)).isFalse();
        }
    }

    @Test
    @Verifies(value = {"3.4.j", "4.6", "3.5.d"}, exercises = "ApiRoutes#allowed")
    void aSuspendedPartnersCachedTokenGetsTheFullPathsAnswersOnTheFastPath() throws Exception {
        publish("partner.suspended", "{\"partnerId\":\"" + A + "\",\"from\":\"ACTIVE\",\"to\":\"SUSPENDED\","
                + "\"reason\":\"audit finding overdue\"}");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(Tokens.partner("partner-demo-a"))
                    .get(GatewayRestrictionTest.DATA_ROUTE).statusCode() == 403);
            String token = Tokens.partner("partner-demo-a");
            Response full = blocked(token); // full path: quarkus-oidc verifies, then the guard refuses
            double before = fastPath();
            Response fast = blocked(token);
            assertThat(fastPath()).isEqualTo(before + 1);
            assertThat(fast.statusCode()).isEqualTo(403);
            assertThat(fast.contentType()).isEqualTo(full.contentType());
            assertThat(fast.body().asString()).isEqualTo(full.body().asString());
            assertThat(fast.jsonPath().getString("type"))
                    .isEqualTo("https://privacy-platform.example/problems/partner-suspended");
            // its duty routes stay open, on the fast path too
            given().auth().oauth2(token).get("/api/partners/" + A).then().statusCode(200);
            assertThat(fastPath()).isEqualTo(before + 2);
        } finally {
            publish("partner.reinstated", "{\"partnerId\":\"" + A + "\",\"from\":\"SUSPENDED\",\"to\":\"ACTIVE\","
                    + "\"reason\":\"rectified\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(Tokens.partner("partner-demo-a"))
                    .get(GatewayRestrictionTest.DATA_ROUTE).statusCode() == 200);
        }
    }

    @Test
    @Verifies(value = "3.4.j", exercises = "ApiRoutes#allowed")
    void theRateLimitHoldsOnTheFastPath() {
        String b = Tokens.partner("partner-demo-b"); // limited to 3 requests per second in %test
        given().auth().oauth2(b).get(GatewayRestrictionTest.DATA_ROUTE); // cached by the full path
        double before = fastPath();
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(given().auth().oauth2(b).header("X-Request-Id", "fast-limit")
                    .get(GatewayRestrictionTest.DATA_ROUTE));
        }
        assertThat(fastPath()).isEqualTo(before + 12);
        List<Response> limited = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        for (Response r : limited) {
            assertThat(r.header("Retry-After")).isNotNull();
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            assertThat(r.jsonPath().getString("type")).isEqualTo("https://privacy-platform.example/problems/rate-limited");
            assertThat(r.jsonPath().getString("instance")).isEqualTo(GatewayRestrictionTest.DATA_ROUTE);
            assertThat(r.jsonPath().getString("correlationId")).isEqualTo("fast-limit");
        }
    }

    @Test
    void whatTheGatewayAnswersItselfStaysOnTheFullPath() {
        String officer = Tokens.user("olivia");
        given().auth().oauth2(officer).get("/api/partners").then().statusCode(200);
        double before = fastPath();
        given().auth().oauth2(officer).get("/api/nowhere").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(officer).get("/api/gateway/restrictions").then().statusCode(200);
        given().get("/api/vocabulary").then().statusCode(200);
        assertThat(fastPath()).isEqualTo(before);
    }

    private static Response post(String token, String path) {
        return given().auth().oauth2(token).header("X-Request-Id", "fast-path-1").body("{\"a\":1}")
                .contentType(ContentType.JSON).post(path);
    }

    private Response blocked(String token) {
        return given().auth().oauth2(token).header("X-Request-Id", "fast-blocked").get(GatewayRestrictionTest.DATA_ROUTE);
    }

    private double fastPath() {
        return meters.get("gateway.api.fast-path").counter().count();
    }

    private static void publish(String type, String data) throws Exception {
        try (TestBroker broker = new TestBroker()) {
            broker.publish(type, CloudEventCodec.encode(UUID.randomUUID(), type, "/test", A,
                    OffsetDateTime.now(ZoneOffset.UTC), data));
        }
    }

    /** A temporary client of realm privacy whose tokens expire after a few seconds (admin REST API). */
    private static final class ShortLivedClient implements AutoCloseable {

        private final String clientId = "gateway-test-" + UUID.randomUUID();
        private final String secret = UUID.randomUUID().toString();

        ShortLivedClient(int lifespanSeconds) {
            Map<String, Object> client = Map.of("clientId", clientId, "secret", secret, "enabled", true,
                    "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                    "directAccessGrantsEnabled", false,
                    "defaultClientScopes", List.of("basic", "roles", "privacy-api-audience"),
                    "optionalClientScopes", List.of(),
                    "attributes", Map.of("access.token.lifespan", Integer.toString(lifespanSeconds)));
            given().auth().oauth2(admin()).contentType(ContentType.JSON).body(client)
                    .post(KEYCLOAK + "/admin/realms/privacy/clients").then().statusCode(201);
        }

        String token() {
            return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                    .formParam("client_secret", secret).post(Tokens.TOKEN_URL).then().statusCode(200)
                    .extract().path("access_token");
        }

        @Override
        public void close() {
            String admin = admin();
            List<String> ids = given().auth().oauth2(admin).queryParam("clientId", clientId)
                    .get(KEYCLOAK + "/admin/realms/privacy/clients").then().statusCode(200).extract().path("id");
            ids.forEach(id -> given().auth().oauth2(admin).delete(KEYCLOAK + "/admin/realms/privacy/clients/" + id)
                    .then().statusCode(204));
        }

        private static String admin() {
            String user = System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            String password = System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                    .formParam("username", user).formParam("password", password)
                    .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                    .extract().path("access_token");
        }
    }
}

package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** What the gateway forwards, rewrites and refuses, with real Keycloak tokens. */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayProxyTest {

    @Test
    @Verifies("3.4.b")
    void aValidTokenIsForwardedWithThePrefixStrippedAndTheRequestIdKept() {
        String token = Tokens.partner("partner-demo-a");
        JsonPath echo = given().auth().oauth2(token).header("X-Request-Id", "req-abcdef12")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .get("/api/partners/42?view=full")
                .then().statusCode(200)
                .header("X-Request-Id", "req-abcdef12")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .extract().jsonPath();
        assertThat(echo.getString("uri")).isEqualTo("/partners/42?view=full");
        assertThat(echo.getString("headers.authorization")).isEqualTo("Bearer " + token);
        assertThat(echo.getString("headers.x-request-id")).isEqualTo("req-abcdef12");
        assertThat(echo.getString("headers.traceparent")).startsWith("00-4bf92f3577b34da6");
        assertThat(echo.getString("headers.x-forwarded-prefix")).isEqualTo("/api");
    }

    @Test
    void hopByHopHeadersAreStrippedBothWays() {
        JsonPath echo = given().auth().oauth2(Tokens.partner("partner-demo-a"))
                .header("Connection", "keep-alive, X-Client-Secret").header("X-Client-Secret", "hidden")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .get("/api/partners/42")
                .then().statusCode(200)
                .header("X-Upstream-Secret", nullValue())
                .extract().jsonPath();
        assertThat(echo.getMap("headers")).doesNotContainKeys("x-client-secret", "proxy-authorization");
    }

    @Test
    void aBackendLocationIsRewrittenToTheGateway() {
        given().auth().oauth2(Tokens.partner("partner-demo-a")).contentType("application/json").body("{}")
                .post("/api/partners")
                .then().statusCode(201)
                .header("Location", containsString("/api/partners/123"))
                .header("Location", org.hamcrest.Matchers.not(containsString("18081")));
    }

    @Test
    @Verifies("3.4.b")
    void requestsWithoutATokenAreRefusedBeforeForwarding() {
        given().get("/api/partners/42").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://privacy-platform.example/problems/unauthenticated"));
    }

    @Test
    void publicDocumentsNeedNoToken() {
        given().get("/api/vocabulary").then().statusCode(200).body("uri", equalTo("/vocabulary"));
    }

    @Test
    void unknownApiPathsAre404Problems() {
        given().auth().oauth2(Tokens.partner("partner-demo-a")).get("/api/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnreachableServiceIsA503Problem() {
        given().auth().oauth2(Tokens.partner("partner-demo-a")).get("/api/consents")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://privacy-platform.example/problems/service-unavailable"));
    }

    @Test
    void oversizedAndChunkedBodiesAreRefused() {
        String token = Tokens.partner("partner-demo-a");
        given().auth().oauth2(token).contentType("application/json").body(new byte[1_100_000])
                .post("/api/partners").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void theCombinedOpenApiListsRoutedPathsOnly() {
        given().get("/api/openapi.json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/partners/{id}"))
                .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/api/audit-records")))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("x-unavailable", hasItem("consent"));
    }
}

package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.gateway.proxy.WebProxy;
import com.privacyplatform.gateway.routing.RouteTable;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The web route: /privacy/** reaches the privacy center as a browser sent it, without token checks. */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayWebRouteTest {

    @Test
    void privacyPagesAreForwardedUnchangedWithCookiesAndTheGatewaysPublicAddress() {
        Response response = given().redirects().follow(false).cookie("q_session", "browser-session")
                .header("X-Forwarded-Prefix", "/spoofed")
                .get("/privacy/consents?tab=active");
        response.then().statusCode(200)
                .header("Set-Cookie", containsString("q_session=s3ssion"))
                .header("X-Content-Type-Options", "nosniff");
        JsonPath echo = response.jsonPath();
        assertThat(echo.getString("uri")).isEqualTo("/privacy/consents?tab=active");
        assertThat(echo.getString("headers.cookie")).contains("q_session=browser-session");
        assertThat(echo.getString("headers.x-forwarded-proto")).isEqualTo("http");
        assertThat(echo.getString("headers.x-forwarded-host")).isEqualTo("localhost:" + io.restassured.RestAssured.port);
        assertThat(echo.getString("headers.x-forwarded-prefix")).isNull();
    }

    @Test
    void thePagesOwnContentSecurityPolicyIsKeptNotTheApisPolicy() {
        given().get("/privacy/about").then().statusCode(200)
                .header("Content-Security-Policy", equalTo("default-src 'none'; style-src 'self'"));
    }

    @Test
    void noBearerTokenIsNeededOrForwardedAndNoPartnerRateLimitApplies() {
        // partner B's bucket holds 3 requests in the test profile; the web route does not count
        for (int i = 0; i < 10; i++) {
            JsonPath echo = given().header("Authorization", "Bearer not-a-token").get("/privacy/")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(echo.getMap("headers")).doesNotContainKey("authorization");
        }
    }

    @Test
    void signInRedirectsToKeycloakAreNotRewrittenToTheGateway() {
        given().redirects().follow(false).get("/privacy/sign-in").then().statusCode(302)
                .header("Location", equalTo(
                        "http://localhost:8180/realms/privacy/protocol/openid-connect/auth?client_id=privacy-center"));
    }

    @Test
    void theRootAndTheBarePrefixLeadToThePrivacyCenter() {
        given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", equalTo("/privacy/"));
        given().redirects().follow(false).get("/privacy").then().statusCode(302)
                .header("Location", equalTo("/privacy/"));
    }

    @Test
    void theCombinedOpenApiDoesNotListThePrivacyCenterAsAnUnavailableApi() {
        given().get("/api/openapi.json").then().statusCode(200)
                .body("x-unavailable", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("privacy-center")));
    }

    @Test
    void aPrivacyCenterThatIsDownIsAPageInWordsNotAProblemDocument() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            router.route("/privacy/*").handler(ProxyHandler.create(WebProxy.create(vertx,
                    new RouteTable.Backend("privacy-center", "localhost", 1, false))));
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.actualPort() + "/privacy/consents")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.body()).contains("The privacy center cannot be reached right now")
                    .doesNotContain("problem", "{");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}

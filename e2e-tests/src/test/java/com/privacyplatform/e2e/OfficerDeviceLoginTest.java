package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import io.restassured.path.json.JsonPath;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How people who answer for the platform (compliance officers, auditors) get an API token where
 * there is no password grant (prod): the realm's public client {@code privacy-console} allows only
 * the OAuth 2.0 device authorization grant (RFC 8628). The terminal asks for a code, the person
 * signs in with it in a browser (prod adds TOTP to that login) and confirms, and the terminal then
 * receives a token that the gateway accepts for officer endpoints. Driven here with Keycloak's real
 * pages in headless Chromium.
 */
class OfficerDeviceLoginTest {

    private static final String OIDC = KeycloakFixture.URL + "/realms/privacy/protocol/openid-connect";
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static Chromium chromium;

    @BeforeAll
    static void browser() {
        chromium = new Chromium();
    }

    @AfterAll
    static void close() {
        chromium.close();
    }

    @Test
    void anOfficerSignsInInABrowserAndTheTerminalGetsAnApiToken() throws Exception {
        JsonPath device = given().formParam("client_id", "privacy-console").post(OIDC + "/auth/device")
                .then().statusCode(200).extract().jsonPath();
        String deviceCode = device.getString("device_code");
        long interval = device.getLong("interval");
        assertThat(device.getString("verification_uri")).isEqualTo(KeycloakFixture.URL + "/realms/privacy/device");

        // before the person has signed in, the terminal is told to keep waiting
        poll(deviceCode).then().statusCode(400).body("error", equalTo("authorization_pending"));

        Page page = chromium.desktop();
        page.navigate(device.getString("verification_uri_complete"));
        page.fill("#username", "olivia");
        page.fill("#password", "olivia-demo-pw");
        page.click("#kc-login");
        // Keycloak asks the person to confirm the access the terminal asked for
        page.waitForSelector("#kc-login");
        assertThat(page.content()).contains("privacy-console");
        page.click("#kc-login");
        page.waitForLoadState();
        page.context().close();

        // the terminal waits the interval it was given between polls (faster ones get slow_down, RFC 8628)
        String token = pollAfter(interval, deviceCode).then().statusCode(200).extract().path("access_token");
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("azp").asText()).isEqualTo("privacy-console");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("compliance-officer");
        assertThat(claims.path("aud").toString()).contains("privacy-api");

        // the gateway accepts it for an officer's request
        Platform.as(token).get("/api/partners/" + PARTNER_A).then().statusCode(200)
                .body("id", equalTo(PARTNER_A));
        // and the device code is spent
        pollAfter(interval, deviceCode).then().statusCode(400)
                .body("error", org.hamcrest.Matchers.anyOf(equalTo("invalid_grant"), equalTo("expired_token")));
    }

    @Test
    void theClientHasNoOtherWayToAToken() {
        given().formParam("grant_type", "password").formParam("client_id", "privacy-console")
                .formParam("username", "olivia").formParam("password", "olivia-demo-pw")
                .post(OIDC + "/token").then().statusCode(400).body("error", equalTo("unauthorized_client"));
        given().formParam("grant_type", "client_credentials").formParam("client_id", "privacy-console")
                .post(OIDC + "/token").then().statusCode(401);
        given().redirects().follow(false).queryParam("client_id", "privacy-console").queryParam("response_type", "code")
                .queryParam("redirect_uri", "http://localhost:9999/").queryParam("scope", "openid")
                .get(OIDC + "/auth").then().statusCode(400);
    }

    /** Polls as a well-behaved terminal does: not before {@code interval} seconds since its last poll. */
    private static io.restassured.response.Response pollAfter(long interval, String deviceCode) throws InterruptedException {
        Thread.sleep(interval * 1000 + 500);
        return poll(deviceCode);
    }

    private static io.restassured.response.Response poll(String deviceCode) {
        return given().formParam("grant_type", DEVICE_GRANT).formParam("client_id", "privacy-console")
                .formParam("device_code", deviceCode).post(OIDC + "/token");
    }
}

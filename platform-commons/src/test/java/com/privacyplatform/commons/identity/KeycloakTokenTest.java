package com.privacyplatform.commons.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Real tokens from the project's Keycloak realm (started by ./platform test): the demo clients
 * and users carry what the services rely on, and forged or wrong tokens are refused.
 */
@QuarkusTest
class KeycloakTokenTest {

    private static final String TOKEN_URL = Tokens.TOKEN_URL;

    @Test
    void aPartnerClientTokenCarriesItsPartnerId() {
        given().auth().oauth2(clientToken("partner-demo-a")).get("/test/probe/identity")
                .then().statusCode(200)
                .body("partner", equalTo(true))
                .body("partnerId", equalTo(Partners.A))
                .body("actor", equalTo("partner:" + Partners.A));
        given().auth().oauth2(clientToken("partner-demo-b")).get("/test/probe/identity")
                .then().statusCode(200).body("partnerId", equalTo(Partners.B));
    }

    @Test
    void aSubjectIsIdentifiedBySub() {
        String token = userToken("alice", "alice-demo-pw").path("access_token");
        String sub = claim(token, "sub");
        given().auth().oauth2(token).get("/test/probe/identity")
                .then().statusCode(200)
                .body("dataSubject", equalTo(true))
                .body("subject", equalTo(sub))
                .body("partnerId", equalTo(null));
    }

    @Test
    void rolesOfOfficerAndAuditorArriveAsRealmRoles() {
        given().auth().oauth2(userToken("olivia", "olivia-demo-pw").path("access_token"))
                .get("/test/probe/officer-only").then().statusCode(200);
        given().auth().oauth2(userToken("aaron", "aaron-demo-pw").path("access_token"))
                .get("/test/probe/officer-only").then().statusCode(403);
        given().auth().oauth2(userToken("aaron", "aaron-demo-pw").path("access_token"))
                .get("/audit-records/verification").then().statusCode(200);
    }

    @Test
    void anIdTokenIsNotAcceptedAsBearer() {
        String idToken = given().formParam("grant_type", "password").formParam("client_id", "privacy-cli")
                .formParam("username", "alice").formParam("password", "alice-demo-pw")
                .formParam("scope", "openid")
                .post(TOKEN_URL).then().statusCode(200).extract().path("id_token");
        given().auth().oauth2(idToken).get("/test/probe/identity").then().statusCode(401);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = clientToken("partner-demo-b");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(Partners.B, Partners.A);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).get("/test/probe/identity").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String token = clientToken("partner-demo-a");
        String[] parts = token.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(none + "." + parts[1] + ".").get("/test/probe/identity").then().statusCode(401);
    }

    @Test
    void thePublicPageClientCannotUseThePasswordGrant() {
        given().formParam("grant_type", "password").formParam("client_id", "privacy-center")
                .formParam("username", "alice").formParam("password", "alice-demo-pw")
                .post(TOKEN_URL).then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    static String clientToken(String client) {
        return Tokens.partner(client);
    }

    static Response userToken(String user, String password) {
        Response response = given().formParam("grant_type", "password").formParam("client_id", "privacy-cli")
                .formParam("username", user).formParam("password", password)
                .post(TOKEN_URL);
        response.then().statusCode(200);
        return response;
    }

    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getString(name);
    }
}

package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Forged and invalid tokens of each kind get a 401 problem and are never forwarded. */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayTokenTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void garbageIsRefused() {
        refused("not-a-token");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String[] parts = Tokens.partner("partner-demo-a").split("\\.");
        refused(B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + parts[1] + ".");
    }

    @Test
    @Verifies("3.4.b")
    void aTamperedPayloadIsRefused() {
        String[] parts = Tokens.partner("partner-demo-b").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("e323d24b-b3af-54e4-9942-b04f7ce699c8", "2b9ab027-cb68-523d-81ec-293ae3eaf63b");
        refused(parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    @Verifies("3.4.b")
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        String[] parts = Tokens.partner("partner-demo-a").split("\\.");
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.generateKeyPair().getPrivate());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        refused(parts[0] + "." + parts[1] + "." + B64.encodeToString(rs256.sign()));
    }

    @Test
    void anIdTokenIsNotAnAccessToken() {
        String idToken = given().formParam("grant_type", "password").formParam("client_id", "privacy-cli")
                .formParam("username", "alice").formParam("password", "alice-demo-pw").formParam("scope", "openid")
                .post(Tokens.TOKEN_URL).then().statusCode(200).extract().path("id_token");
        refused(idToken);
    }

    @Test
    void aUsersAccessTokenPasses() {
        given().auth().oauth2(Tokens.user("olivia")).get("/api/partners").then().statusCode(200);
    }

    private static void refused(String token) {
        given().auth().oauth2(token).get("/api/partners/42").then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}

package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.PARTNER_B;
import static com.privacyplatform.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.api.clause.Verifies;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 3.4.a/c: the gateway forwards nothing with a token that is not a valid access token of the
 * platform's realm for its API. Each kind of invalid token is real or made from a real one:
 * another key, a tampered payload, {@code alg: none}, an expired token, another realm's token
 * (wrong issuer) and a token for another audience - all 401 problem+json, while the same kind of
 * token when valid gets through.
 */
class TokenRejectionTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final KeycloakFixture KEYCLOAK = new KeycloakFixture();

    @BeforeAll
    static void activePartnerB() {
        Platform.ensureActive("partner-demo-b", PARTNER_B, "SG");
    }

    @AfterAll
    static void deleteTemporaryClients() {
        KEYCLOAK.close();
    }

    @Test
    @Verifies("3.4.b")
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        String[] real = Platform.partnerB().split("\\.");
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.generateKeyPair().getPrivate());
        rs256.update((real[0] + "." + real[1]).getBytes(StandardCharsets.US_ASCII));
        String forged = real[0] + "." + real[1] + "." + B64.encodeToString(rs256.sign()); // same kid, other key
        rejected(forged);
    }

    @Test
    @Verifies("3.4.b")
    void aTamperedPayloadAndAnUnsignedTokenAreRejected() {
        String[] real = Platform.partnerB().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(real[1]), StandardCharsets.UTF_8)
                .replace(PARTNER_B, PARTNER_A);
        rejected(real[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + real[2]);
        rejected(B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + real[1] + ".");
    }

    @Test
    @Verifies("3.4.b")
    void anotherRealmsTokenHasTheWrongIssuer() {
        String master = KEYCLOAK.masterRealmToken();
        assertThat(claims(master)).contains("/realms/master\"");
        rejected(master);
    }

    @Test
    @Verifies("3.4.b")
    void aTokenForAnotherAudienceIsRejected() {
        String token = KEYCLOAK.clientToken(List.of("basic", "roles"), null);
        assertThat(claims(token)).doesNotContain("privacy-api").contains("/realms/privacy\"");
        rejected(token);
    }

    @Test
    @Verifies("3.4.b")
    void aTokenIsAcceptedUntilItExpiresAndRejectedAfterwards() {
        String token = KEYCLOAK.clientToken(List.of("basic", "roles", "privacy-api-audience"), 5);
        assertThat(claims(token)).contains("privacy-api");
        // valid: authenticated at the gateway, forwarded (the registry refuses a client without a role)
        as(token).get("/api/partners/" + PARTNER_A).then().statusCode(org.hamcrest.Matchers.not(401));
        await().pollInterval(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(90))
                .until(() -> as(token).get("/api/partners/" + PARTNER_A).statusCode() == 401);
        rejected(token);
    }

    private static void rejected(String token) {
        as(token).get("/api/partners/" + PARTNER_A).then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("type", equalTo("https://privacy-platform.example/problems/unauthenticated"));
        as(token).body("{\"subjectId\":\"x\",\"purpose\":\"payment_processing\",\"category\":\"user.name\"}")
                .post("/api/consents/check").then().statusCode(401);
    }

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}

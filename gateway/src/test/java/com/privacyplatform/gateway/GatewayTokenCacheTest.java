package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.identity.token.VerifiedTokens;
import com.privacyplatform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache (VerifiedTokens) with real Keycloak tokens: only a token quarkus-oidc
 * accepted is cached, keyed by the whole token; never past its exp (nor the cache's max-age); a
 * forged signature or payload next to a cached genuine token is refused and never cached.
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayTokenCacheTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    VerifiedTokens tokens;

    @Test
    @Verifies(value = "3.4.b", exercises = "VerifiedTokens#lookup")
    void aVerifiedTokenIsAnsweredFromTheCacheOnlyBeforeItsExpiry() throws Exception {
        String token = Tokens.partner("partner-demo-a");
        given().auth().oauth2(token).get("/api/partners/42").then().statusCode(200);
        assertThat(tokens.contains(token)).isTrue();
        // the second request is answered from the cache and still forwarded with the caller's identity
        given().auth().oauth2(token).get("/api/partners/42").then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));

        long exp = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("exp").asLong();
        long now = System.currentTimeMillis();
        assertThat(tokens.lookup(token, now + 1_000)).isPresent();
        // never past the cache's max-age (60 s by default), however long the token lives
        assertThat(tokens.lookup(token, now + 61_000)).isEmpty();
        assertThat(tokens.contains(token)).isFalse();

        given().auth().oauth2(token).get("/api/partners/42").then().statusCode(200);
        assertThat(tokens.contains(token)).isTrue();
        // at the token's exp the entry is gone for good: the next request goes back to quarkus-oidc
        assertThat(tokens.lookup(token, exp * 1000)).isEmpty();
        assertThat(tokens.contains(token)).isFalse();
    }

    @Test
    @Verifies(value = "3.4.b", exercises = "VerifiedTokens#lookup")
    void aForgedSignatureNextToACachedGenuineTokenIsRefusedAndNeverCached() {
        String token = Tokens.user("olivia");
        given().auth().oauth2(token).get("/api/partners").then().statusCode(200);
        assertThat(tokens.contains(token)).isTrue();

        byte[] signature = new byte[256];
        new SecureRandom().nextBytes(signature);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + B64.encodeToString(signature);
        for (int i = 0; i < 2; i++) {
            refused(forged);
            assertThat(tokens.contains(forged)).isFalse();
        }
        // the genuine token is still answered
        given().auth().oauth2(token).get("/api/partners").then().statusCode(200);
    }

    @Test
    @Verifies(value = "3.4.b", exercises = "VerifiedTokens#lookup")
    void aTamperedPayloadWithTheCachedTokensSignatureIsRefused() {
        String token = Tokens.partner("partner-demo-a");
        given().auth().oauth2(token).get("/api/partners/42").then().statusCode(200);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"partner\"", "\"compliance-officer\"");
        String tampered = parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        refused(tampered);
        assertThat(tokens.contains(tampered)).isFalse();
    }

    @Test
    void garbageIsNeverCached() {
        refused("not-a-token");
        refused("not-a-token");
        assertThat(tokens.contains("not-a-token")).isFalse();
    }

    private static void refused(String token) {
        given().auth().oauth2(token).get("/api/partners/42").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }
}

package com.privacyplatform.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The SDK's token source against the real Keycloak of the platform (demo realm privacy). */
class AccessTokensTest {

    private static final URI REALM = URI.create(System.getProperty("keycloak.issuer",
            "http://localhost:8180/realms/privacy"));

    @Test
    void aPartnerClientGetsATokenForThePlatformsApiAndItIsReusedUntilNearExpiry() {
        AccessTokens tokens = AccessTokens.clientCredentials(REALM, "partner-demo-a", "partner-demo-a-secret");
        String token = tokens.get();
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("privacy-api").contains("2b9ab027-cb68-523d-81ec-293ae3eaf63b");
        assertThat(tokens.get()).isSameAs(token);
    }

    @Test
    void aWrongSecretFailsWithTheTokenEndpointsAnswer() {
        AccessTokens tokens = AccessTokens.clientCredentials(REALM, "partner-demo-a", "not-the-secret");
        assertThatThrownBy(tokens::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("401");
    }

    @Test
    void theClientSendsTheBearerTokenToTheGatewaysBaseUrl() {
        var client = PlatformApi.client(URI.create("https://privacy.example.com/"), () -> "t0k3n");
        assertThat(client.getBaseUri()).isEqualTo("https://privacy.example.com");
        var request = java.net.http.HttpRequest.newBuilder(URI.create(client.getBaseUri() + "/api/consents"));
        client.getRequestInterceptor().accept(request);
        assertThat(request.build().headers().firstValue("Authorization")).contains("Bearer t0k3n");
    }
}

package com.privacyplatform.registry.credential;

import static org.hamcrest.Matchers.endsWith;

import com.privacyplatform.registry.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keycloak failing at onboarding never leaves a half-onboarded partner and never answers success:
 * 503 identity-provider-unavailable; no partner row, no audit record, nothing to replay, no client.
 */
@QuarkusTest
@TestProfile(KeycloakUnreachableTest.Profile.class)
@TestSecurity(user = "olivia", roles = "compliance-officer")
class KeycloakUnreachableTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.keycloak.admin-client.server-url", "http://127.0.0.1:9");
        }
    }

    @Test
    void onboardingIs503AndLeavesNoPartner() {
        String clientId = Fixtures.uniqueClientId("down");
        PartnerClientsAdmin.onboardWithSecret(clientId).then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", endsWith("/identity-provider-unavailable"));
        PartnerClientsAdmin.assertNothingOnboarded(clientId);
    }
}

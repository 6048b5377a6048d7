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
 * 502 identity-provider-error; no partner row, no audit record, nothing to replay, no client.
 */
@QuarkusTest
@TestProfile(KeycloakRefusesTest.Profile.class)
@TestSecurity(user = "olivia", roles = "compliance-officer")
class KeycloakRefusesTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.keycloak.admin-client.client-id", "no-such-admin-client");
        }
    }

    @Test
    void onboardingIs502AndLeavesNoPartner() {
        String clientId = Fixtures.uniqueClientId("refused");
        PartnerClientsAdmin.onboardWithSecret(clientId).then().statusCode(502).contentType("application/problem+json")
                .body("type", endsWith("/identity-provider-error"));
        PartnerClientsAdmin.assertNothingOnboarded(clientId);
    }
}

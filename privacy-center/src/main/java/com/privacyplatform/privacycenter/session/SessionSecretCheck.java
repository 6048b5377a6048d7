package com.privacyplatform.privacycenter.session;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session secret (PRIVACY_CENTER_SESSION_SECRET) is required in production: without it
 * quarkus-oidc would generate a random one per start (and the CSRF key would be missing), so a
 * missing or empty variable stops the start here, naming it.
 */
@Startup
@ApplicationScoped
public class SessionSecretCheck {

    @PostConstruct
    void check() {
        String secret;
        try {
            secret = ConfigProvider.getConfig().getOptionalValue("platform.required-secrets.session-secret", String.class).orElse("");
        } catch (java.util.NoSuchElementException unexpanded) {
            secret = "";
        }
        if (secret.isBlank()) {
            throw new IllegalStateException("PRIVACY_CENTER_SESSION_SECRET is not set: privacy-center needs its session secret"
                    + " (it encrypts the session and sign-in cookies and signs the CSRF tokens; k8s: Secret privacy-center-session)");
        }
    }
}

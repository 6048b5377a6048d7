package com.privacyplatform.commons.config;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Injects {@link RequiredSecrets} so that Quarkus registers and validates the mapping when the
 * configuration is built at start (a mapping nobody injects is not checked): a missing variable
 * stops the service before it connects anywhere. A variable that is set but empty stops it here.
 */
@Startup
@ApplicationScoped
public class RequiredSecretsCheck {

    @Inject
    RequiredSecrets secrets;

    @PostConstruct
    void check() {
        List<String> empty = secrets.values().entrySet().stream()
                .filter(e -> e.getValue() == null || e.getValue().isBlank())
                .map(e -> "platform.required-secrets." + e.getKey())
                .sorted().toList();
        if (!empty.isEmpty()) {
            throw new IllegalStateException("required secrets are empty: " + empty
                    + " (set their environment variables, see application.properties)");
        }
    }
}

package com.privacyplatform.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/**
 * The secrets a service cannot run without, each read from the environment with no default
 * ({@code platform.required-secrets.<name>=${VAR}} in application.properties; dev and test give
 * their own values under {@code %dev,test}). Quarkus reads most secret properties as optional
 * (a datasource password, a broker password, an OIDC client secret): a missing variable there
 * would silently fall back to no password or a built-in default. Listing the variable here makes
 * the configuration check at start stop the service instead, naming it:
 * {@code SRCFG00011: Could not expand value DB_PASSWORD in property platform.required-secrets.db-password}.
 */
@ConfigMapping(prefix = "platform.required-secrets")
public interface RequiredSecrets {

    /** Secret name -> value (never logged; only its presence matters here). */
    @WithParentName
    Map<String, String> values();
}

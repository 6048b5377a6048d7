package com.privacyplatform.k8s;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No default secrets outside dev and test: in the prod view of a service's application.properties
 * (ServiceConfig), a property that holds a password, client secret or key is read from the
 * environment with no default (${VAR}), so that a missing Secret stops the service at start
 * instead of running with a known value. The values of %dev and %test do not apply in prod and are
 * not looked at.
 */
final class SecretDefaults {

    /** Property names that hold a secret: passwords, client secrets, signing/encryption keys, JWK sets. */
    static final Pattern SECRET_PROPERTY = Pattern.compile(
            "(^|[.-])(password|secret|encryption-secret|state-secret|token-signature-key|signing-key|key|jwks)$");
    private static final Pattern ONLY_VARIABLE = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)}$");
    private static final Pattern VARIABLE_WITH_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");

    private SecretDefaults() {
    }

    static List<String> check(Collection<ServiceConfig> configs) {
        List<String> violations = new ArrayList<>();
        for (ServiceConfig config : configs) {
            for (Map.Entry<String, String> p : config.properties().entrySet()) {
                String key = p.getKey();
                if (key.startsWith("quarkus.kubernetes.") || key.startsWith("quarkus.container-image.")
                        || !SECRET_PROPERTY.matcher(key).find()) {
                    continue;
                }
                String value = p.getValue().trim();
                Matcher withDefault = VARIABLE_WITH_DEFAULT.matcher(value);
                if (withDefault.find()) {
                    violations.add(config.service() + ": " + key + "=" + value + " has a default (" + withDefault.group(1)
                            + ") that applies in prod: read it as ${" + withDefault.group(1) + "} and put the value for dev and test under %dev,test");
                } else if (!ONLY_VARIABLE.matcher(value).matches()) {
                    violations.add(config.service() + ": " + key + " has a literal value in prod: read it from the environment as ${VAR}"
                            + " (a missing secret must stop the service at start)");
                }
            }
        }
        return violations;
    }
}

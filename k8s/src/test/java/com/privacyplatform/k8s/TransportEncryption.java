package com.privacyplatform.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encryption in transit inside the cluster (3.4.c, issue 15.5), where the overlay asks for it
 * (prod): no application's connection string is plain.
 * <ul>
 * <li>PostgreSQL: the JDBC URL (Flyway) has {@code sslmode=verify-full} and an {@code sslrootcert}
 * that is {@code ca.crt} of the database cluster's own CA Secret ({@code <cluster>-ca},
 * CloudNativePG), mounted; the reactive pool (and the LISTEN connections, which take its settings)
 * has ssl-mode verify-full, that CA as trusted PEM and hostname verification HTTPS.</li>
 * <li>RabbitMQ: {@code RABBITMQ_SSL=true}, {@code RABBITMQ_PORT} the broker's AMQPS port, whose
 * RabbitmqCluster has {@code spec.tls}, and a Quarkus TLS configuration trusting a mounted CA.</li>
 * <li>Keycloak: {@code OIDC_AUTH_SERVER_URL} and {@code KEYCLOAK_URL} are https, Keycloak serves
 * TLS ({@code spec.http.tlsSecret}) and no plain HTTP, and the OIDC clients use the TLS
 * configuration.</li>
 * </ul>
 */
final class TransportEncryption {

    static final String CA_DIR_KEY = "ca.crt";
    private static final Pattern TLS_CONFIGURATION = Pattern.compile("^[a-z0-9-]+$");
    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::\\d+)?/[^?]+(\\?.*)?$");

    private TransportEncryption() {
    }

    static List<String> check(List<K8sObject> objects) {
        List<String> violations = new ArrayList<>();
        for (K8sObject d : ManagementExposure.applications(objects)) {
            Map<String, String> env = RenderedValues.environment(d, objects);
            Map<String, String> mounted = mountedFiles(d);
            database(d, env, mounted, violations);
            broker(d, env, mounted, objects, violations);
            keycloak(d, env, mounted, objects, violations);
        }
        return violations;
    }

    private static void database(K8sObject d, Map<String, String> env, Map<String, String> mounted, List<String> violations) {
        String jdbc = env.get("DB_JDBC_URL");
        if (jdbc == null) {
            return;
        }
        Matcher m = JDBC.matcher(jdbc);
        if (!m.matches()) {
            violations.add(d.id() + ": DB_JDBC_URL " + jdbc + " is not a PostgreSQL JDBC URL");
            return;
        }
        String cluster = m.group(1).replaceAll("-(rw|ro|r)(\\..*)?$", "");
        String ca = cluster + "-ca";
        Map<String, String> parameters = parameters(m.group(2));
        if (!"verify-full".equals(parameters.get("sslmode"))) {
            violations.add(d.id() + ": DB_JDBC_URL " + jdbc + " is plain or unverified: sslmode=verify-full is required in this overlay");
        }
        String rootCert = parameters.get("sslrootcert");
        if (!(ca + "/" + CA_DIR_KEY).equals(mounted.get(rootCert))) {
            violations.add(d.id() + ": DB_JDBC_URL's sslrootcert " + rootCert + " is not " + CA_DIR_KEY + " of Secret " + ca
                    + " (the CA CloudNativePG issued for " + cluster + ") mounted in the pod");
        }
        if (!"verify-full".equalsIgnoreCase(env.getOrDefault("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE", "disable").trim())) {
            violations.add(d.id() + ": the reactive pool to " + cluster + " is plain or unverified"
                    + " (QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE is not verify-full)");
        }
        String pem = env.get("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS");
        if (!"true".equals(env.get("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM")) || !(ca + "/" + CA_DIR_KEY).equals(mounted.get(pem))) {
            violations.add(d.id() + ": the reactive pool does not trust " + CA_DIR_KEY + " of Secret " + ca + " (trust-certificate-pem "
                    + env.get("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM") + ", certs " + pem + ")");
        }
        if (!"HTTPS".equals(env.get("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM"))) {
            violations.add(d.id() + ": the reactive pool does not verify the database's host name"
                    + " (QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM is not HTTPS)");
        }
    }

    private static void broker(K8sObject d, Map<String, String> env, Map<String, String> mounted, List<K8sObject> objects,
            List<String> violations) {
        String host = env.get("RABBITMQ_HOST");
        if (host == null) {
            return;
        }
        K8sObject cluster = RenderedValues.kind(objects, "RabbitmqCluster").stream().filter(r -> r.name().equals(host)).findFirst()
                .orElse(null);
        if (cluster == null || cluster.at("spec", "tls", "secretName") == null) {
            violations.add(d.id() + ": RabbitMQ " + host + " serves no TLS (RabbitmqCluster spec.tls.secretName)");
        }
        if (!"5671".equals(env.get("RABBITMQ_PORT")) || !"true".equals(env.get("RABBITMQ_SSL"))) {
            violations.add(d.id() + ": the broker connection amqp://" + host + ":" + env.get("RABBITMQ_PORT") + " is plain"
                    + " (RABBITMQ_SSL=true and RABBITMQ_PORT=5671 are required in this overlay)");
        }
        trusts(d, "RabbitMQ", env.get("MP_MESSAGING_CONNECTOR_SMALLRYE_RABBITMQ_TLS_CONFIGURATION_NAME"), env, mounted, violations);
    }

    private static void keycloak(K8sObject d, Map<String, String> env, Map<String, String> mounted, List<K8sObject> objects,
            List<String> violations) {
        boolean used = false;
        for (String variable : List.of("OIDC_AUTH_SERVER_URL", "KEYCLOAK_URL")) {
            String url = env.get(variable);
            if (url == null) {
                continue;
            }
            used = true;
            if (!url.startsWith("https://")) {
                violations.add(d.id() + ": " + variable + " " + url + " is plain HTTP; Keycloak is reached over HTTPS in this overlay");
            }
        }
        if (!used) {
            return;
        }
        for (K8sObject k : RenderedValues.kind(objects, "Keycloak")) {
            if (k.at("spec", "http", "tlsSecret") == null || !Boolean.FALSE.equals(k.at("spec", "http", "httpEnabled"))) {
                violations.add(k.id() + ": serves plain HTTP (spec.http.httpEnabled is not false or no spec.http.tlsSecret)");
            }
        }
        trusts(d, "Keycloak (OIDC)", env.get("QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME"), env, mounted, violations);
    }

    /** The named Quarkus TLS configuration exists in the environment and trusts a CA certificate mounted from a Secret. */
    private static void trusts(K8sObject d, String what, String name, Map<String, String> env, Map<String, String> mounted,
            List<String> violations) {
        if (name == null || !TLS_CONFIGURATION.matcher(name).matches()) {
            violations.add(d.id() + ": no TLS configuration for " + what + " (" + name + ")");
            return;
        }
        String certs = env.get("QUARKUS_TLS_" + name.toUpperCase().replace('-', '_') + "_TRUST_STORE_PEM_CERTS");
        String source = mounted.get(certs);
        if (source == null || !source.endsWith("/" + CA_DIR_KEY)) {
            violations.add(d.id() + ": TLS configuration " + name + " for " + what + " trusts " + certs
                    + ", which is no ca.crt mounted from a Secret");
        }
    }

    /** File path in the container -> "<secret>/<key>" for the items of mounted Secret volumes. */
    static Map<String, String> mountedFiles(K8sObject d) {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, Object> volumes = new LinkedHashMap<>();
        d.list("spec", "template", "spec", "volumes").forEach(v -> volumes.put(String.valueOf(Nodes.at(v, "name")), v));
        for (Object c : d.list("spec", "template", "spec", "containers")) {
            for (Object mount : Nodes.list(Nodes.at(c, "volumeMounts"))) {
                Object volume = volumes.get(String.valueOf(Nodes.at(mount, "name")));
                Object secret = Nodes.at(volume, "secret", "secretName");
                if (secret == null) {
                    continue;
                }
                String dir = String.valueOf(Nodes.at(mount, "mountPath")).replaceAll("/+$", "");
                for (Object item : Nodes.list(Nodes.at(volume, "secret", "items"))) {
                    files.put(dir + "/" + Nodes.at(item, "path"), secret + "/" + Nodes.at(item, "key"));
                }
            }
        }
        return files;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.length() < 2) {
            return parameters;
        }
        for (String pair : query.substring(1).split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return parameters;
    }
}

package com.privacyplatform.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the KeycloakRealmImport (k8s/base/keycloak/realm-import.yaml) from the platform's realm
 * that every environment imports (infra/keycloak/realm-privacy.json), and the dev overlay's
 * addition of the demo identities (k8s/overlays/dev/patches/realm-demo.yaml) from the local/dev
 * addition (infra/keycloak/realm-demo.json: demo users and demo partner clients, which the local
 * run imports merged into the realm), so that all of them stay the same realm:
 * <ul>
 * <li>every client secret becomes the placeholder ${KC_CLIENT_SECRET_<CLIENT>} and every user
 * password ${KC_USER_PASSWORD_<USER>}, filled by the operator from the Secret
 * privacy-realm-secrets (no credential is committed);</li>
 * <li>the local origins of the gateway (http://localhost:8080, https://localhost:8443) and of the
 * privacy-center (http://localhost:8085) become ${KC_GATEWAY_PUBLIC_URL}, the gateway's public URL
 * from the same Secret (the privacy-center is served through the gateway);</li>
 * <li>the demo addition's placeholders come from its own Secret privacy-demo-realm-secrets, which
 * only dev needs; prod imports the platform's realm alone (no demo user, no demo client).</li>
 * </ul>
 */
final class RealmImport {

    static final String NAME = "privacy-realm";
    static final String KEYCLOAK = "privacy-keycloak";
    static final String SECRET = "privacy-realm-secrets";
    static final String DEMO_SECRET = "privacy-demo-realm-secrets";
    static final String PUBLIC_URL = "KC_GATEWAY_PUBLIC_URL";
    // the gateway's local listeners, and privacy-center's own port (in the cluster it is reached only
    // through the gateway, so its browser origin is the gateway's public URL too)
    private static final List<String> LOCAL_ORIGINS = List.of("http://localhost:8080", "https://localhost:8443",
            "http://localhost:8085");

    private RealmImport() {
    }

    static Path source() {
        return ModulePaths.repository().resolve("infra/keycloak/realm-privacy.json");
    }

    static Path committed() {
        return ModulePaths.base().resolve("keycloak/realm-import.yaml");
    }

    /** The local/dev addition: demo users and demo partner clients. */
    static Path demoSource() {
        return ModulePaths.repository().resolve("infra/keycloak/realm-demo.json");
    }

    static Path committedDemo() {
        return ModulePaths.overlay("dev").resolve("patches/realm-demo.yaml");
    }

    /** The KeycloakRealmImport object for a realm representation. */
    static Map<String, Object> from(Map<String, Object> localRealm) {
        Map<String, Object> realm = Yaml.copy(localRealm);
        Map<String, String> placeholders = new TreeMap<>();
        withPlaceholders(realm, placeholders);
        Map<String, Object> refs = new LinkedHashMap<>();
        placeholders.keySet().forEach(p -> refs.put(p, Map.of("secret", secretRef(SECRET, p))));

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", NAME);
        metadata.put("labels", new TreeMap<>(Map.of("app.kubernetes.io/part-of", "privacy-platform",
                "app.kubernetes.io/component", "identity-provider")));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", KEYCLOAK);
        spec.put("placeholders", refs);
        spec.put("realm", realm);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        object.put("kind", "KeycloakRealmImport");
        object.put("metadata", metadata);
        object.put("spec", spec);
        return object;
    }

    /**
     * The dev overlay's JSON6902 patch of the KeycloakRealmImport for the demo addition: its clients
     * and users appended, their secrets and passwords as placeholders from privacy-demo-realm-secrets.
     */
    static List<Object> demoPatch(Map<String, Object> demo) {
        Map<String, Object> addition = Yaml.copy(demo);
        Map<String, String> placeholders = new TreeMap<>();
        withPlaceholders(addition, placeholders);
        List<Object> ops = new ArrayList<>();
        for (String list : List.of("clients", "users")) {
            for (Object item : Nodes.list(addition.get(list))) {
                ops.add(op("/spec/realm/" + list + "/-", item));
            }
        }
        placeholders.keySet().forEach(p -> ops.add(op("/spec/placeholders/" + p, Map.of("secret", secretRef(DEMO_SECRET, p)))));
        return ops;
    }

    /** The clients, users and secret placeholders of the demo addition (the identities prod must not have). */
    record DemoIdentities(List<String> clients, List<String> users, List<String> placeholders) {
    }

    static DemoIdentities demoIdentities() {
        Map<String, Object> demo = Yaml.readJsonObject(demoSource());
        List<String> clients = Nodes.list(demo.get("clients")).stream().map(c -> String.valueOf(Nodes.at(c, "clientId"))).toList();
        List<String> users = Nodes.list(demo.get("users")).stream().map(u -> String.valueOf(Nodes.at(u, "username"))).toList();
        return new DemoIdentities(clients, users, demoSecretKeys());
    }

    /** The keys the Secret privacy-realm-secrets must hold. */
    static List<String> secretKeys() {
        Map<String, Object> spec = Nodes.map(from(Yaml.readJsonObject(source())).get("spec"));
        return List.copyOf(Nodes.map(spec.get("placeholders")).keySet());
    }

    /** The keys the dev-only Secret privacy-demo-realm-secrets must hold. */
    static List<String> demoSecretKeys() {
        Map<String, String> placeholders = new TreeMap<>();
        withPlaceholders(Yaml.copy(Yaml.readJsonObject(demoSource())), placeholders);
        return List.copyOf(placeholders.keySet());
    }

    static String renderDemo(List<Object> patch) {
        return """
                # GENERATED from infra/keycloak/realm-demo.json by the k8s module's tests - do not edit.
                # Regenerate: ./mvnw -B -ntp -pl k8s verify -Dk8s.update=true   (rules: RealmImport.java)
                # dev only: the demo users and demo partner clients of the local run (and the password-grant
                # client privacy-cli), so that the test suite's grants work as with ./platform token. Their
                # secrets and passwords are placeholders filled from the Secret privacy-demo-realm-secrets
                # (k8s/README.md). prod never has them (checked).
                """ + Yaml.toYaml(patch);
    }

    /** Client secrets and user passwords become placeholders, local origins the public URL. */
    private static void withPlaceholders(Map<String, Object> realm, Map<String, String> placeholders) {
        List<Object> clients = new ArrayList<>();
        for (Object client : Nodes.list(realm.get("clients"))) {
            Map<String, Object> c = Nodes.map(client);
            String clientId = String.valueOf(c.get("clientId"));
            if (c.get("secret") != null) {
                c.put("secret", placeholder(placeholders, "KC_CLIENT_SECRET_" + envName(clientId)));
            }
            c.replaceAll((k, v) -> publicOrigins(v, placeholders));
            clients.add(c);
        }
        realm.put("clients", clients);
        for (Object user : Nodes.list(realm.get("users"))) {
            Map<String, Object> u = Nodes.map(user);
            for (Object credential : Nodes.list(u.get("credentials"))) {
                Map<String, Object> cr = Nodes.map(credential);
                if ("password".equals(cr.get("type")) && cr.get("value") != null) {
                    cr.put("value", placeholder(placeholders, "KC_USER_PASSWORD_" + envName(String.valueOf(u.get("username")))));
                }
            }
        }
    }

    private static Map<String, Object> op(String path, Object value) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("op", "add");
        op.put("path", path);
        op.put("value", value);
        return op;
    }

    static String render(Map<String, Object> realmImport) {
        return """
                # GENERATED from infra/keycloak/realm-privacy.json by the k8s module's tests - do not edit.
                # Regenerate: ./mvnw -B -ntp -pl k8s verify -Dk8s.update=true   (rules: RealmImport.java)
                # The platform's realm only (no demo user or client: the dev overlay adds them, prod never).
                # Client secrets and the gateway's public URL are placeholders filled by the Keycloak
                # operator from the Secret privacy-realm-secrets (k8s/README.md).
                """ + Yaml.toYaml(realmImport);
    }

    private static Map<String, Object> secretRef(String secret, String key) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("name", secret);
        ref.put("key", key);
        return ref;
    }

    private static String placeholder(Map<String, String> placeholders, String name) {
        placeholders.put(name, name);
        return "${" + name + "}";
    }

    /** Replaces the local gateway origins in strings, lists and maps of a client. */
    private static Object publicOrigins(Object value, Map<String, String> placeholders) {
        if (value instanceof String s) {
            String out = s;
            for (String origin : LOCAL_ORIGINS) {
                if (out.contains(origin)) {
                    out = out.replace(origin, placeholder(placeholders, PUBLIC_URL));
                }
            }
            return dedupeSeparated(out);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object item : l) {
                Object replaced = publicOrigins(item, placeholders);
                if (!out.contains(replaced)) {
                    out.add(replaced);
                }
            }
            return out;
        }
        if (value instanceof Map<?, ?>) {
            Map<String, Object> m = Nodes.map(value);
            m.replaceAll((k, v) -> publicOrigins(v, placeholders));
            return m;
        }
        return value;
    }

    /** "a##a" (Keycloak's list separator) collapses to "a" once both origins became one. */
    private static String dedupeSeparated(String s) {
        if (!s.contains("##")) {
            return s;
        }
        List<String> parts = new ArrayList<>();
        for (String p : s.split("##")) {
            if (!parts.contains(p)) {
                parts.add(p);
            }
        }
        return String.join("##", parts);
    }

    private static String envName(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}

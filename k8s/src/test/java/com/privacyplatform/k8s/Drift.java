package com.privacyplatform.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Committed copies against what the build generates from their sources. */
final class Drift {

    private Drift() {
    }

    /** <service>/target/kubernetes/kubernetes.yml, what quarkus-kubernetes generated at build. */
    static Path buildOutput(String service) {
        return ModulePaths.repository().resolve(service).resolve("target/kubernetes/kubernetes.yml");
    }

    static Path committed(String service) {
        return ModulePaths.generated().resolve(service + ".yml");
    }

    /**
     * Violations when the committed copy does not hold the same objects as the build output.
     * quarkus-kubernetes runs its build steps in parallel, so the order of map keys, of keyed lists
     * (ports, env, volumes, ...: lists of maps with a "name") and of documents varies between two
     * builds of the same sources: the comparison ignores exactly those orders, nothing else.
     */
    static List<String> generatedManifest(Path committed, Path generated) {
        String want = read(generated);
        String have = Files.exists(committed) ? read(committed) : "";
        if (want.equals(have)) {
            return List.of();
        }
        Map<String, Object> w = canonical(Yaml.readAll(want));
        Map<String, Object> h = canonical(have.isBlank() ? List.of() : Yaml.readAll(have));
        if (w.equals(h)) {
            return List.of();
        }
        List<String> differences = new ArrayList<>();
        diff("", h, w, differences);
        return List.of(ModulePaths.repository().relativize(committed.toAbsolutePath()) + " differs from "
                + ModulePaths.repository().relativize(generated.toAbsolutePath()) + ": "
                + differences.stream().limit(5).toList()
                + "\n  copy the generated file (or run ./mvnw -B -ntp -pl k8s verify -Dk8s.update=true) and commit it");
    }

    /** Whether the update mode should replace the committed copy. */
    static boolean differs(Path committed, Path generated) {
        return !generatedManifest(committed, generated).isEmpty();
    }

    /** Documents keyed by "Kind/name", keyed lists sorted by their key. */
    private static Map<String, Object> canonical(List<Map<String, Object>> docs) {
        Map<String, Object> out = new TreeMap<>();
        for (Map<String, Object> doc : docs) {
            out.put(Nodes.at(doc, "kind") + "/" + Nodes.at(doc, "metadata", "name"), sortKeyedLists(doc));
        }
        return out;
    }

    private static Object sortKeyedLists(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sortKeyedLists(v)));
            return out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.stream().map(Drift::sortKeyedLists).toList());
            for (String key : List.of("name", "containerPort", "mountPath")) {
                if (!out.isEmpty() && out.stream().allMatch(e -> e instanceof Map<?, ?> em && em.get(key) != null)) {
                    out.sort(Comparator.comparing(e -> String.valueOf(((Map<?, ?>) e).get(key))));
                    break;
                }
            }
            return out;
        }
        return node;
    }

    static void copy(Path generated, Path committed) {
        try {
            Files.copy(generated, committed, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Violations when the committed KeycloakRealmImport is not what RealmImport builds from the local realm. */
    static List<String> realmImport(Map<String, Object> expected, Path committed) {
        List<Map<String, Object>> docs = Files.exists(committed) ? Yaml.readAll(committed) : List.of();
        if (docs.size() == 1 && docs.get(0).equals(Yaml.readAll(Yaml.toYaml(expected)).get(0))) {
            return List.of();
        }
        List<String> differences = new ArrayList<>();
        diff("", docs.isEmpty() ? null : docs.get(0), Yaml.readAll(Yaml.toYaml(expected)).get(0), differences);
        return List.of(ModulePaths.repository().relativize(committed.toAbsolutePath())
                + " is not the realm of infra/keycloak/realm-privacy.json: " + differences.stream().limit(5).toList()
                + "\n  run ./mvnw -B -ntp -pl k8s verify -Dk8s.update=true and commit the result");
    }

    /** Violations when the dev overlay's demo addition is not what RealmImport builds from infra/keycloak/realm-demo.json. */
    static List<String> demoPatch(List<Object> expected, Path committed) {
        Object have = Files.exists(committed) ? Yaml.readList(committed) : null;
        Object want = Yaml.readAll(Yaml.toYaml(Map.of("patch", expected))).get(0).get("patch");
        if (want.equals(have)) {
            return List.of();
        }
        List<String> differences = new ArrayList<>();
        diff("", have, want, differences);
        return List.of(ModulePaths.repository().relativize(committed.toAbsolutePath())
                + " is not the demo addition of infra/keycloak/realm-demo.json: " + differences.stream().limit(5).toList()
                + "\n  run ./mvnw -B -ntp -pl k8s verify -Dk8s.update=true and commit the result");
    }

    private static void diff(String path, Object have, Object want, List<String> out) {
        if (have instanceof Map<?, ?> h && want instanceof Map<?, ?> w) {
            for (Object k : w.keySet()) {
                diff(path + "/" + k, h.get(k), w.get(k), out);
            }
            for (Object k : h.keySet()) {
                if (!w.containsKey(k)) {
                    out.add(path + "/" + k + " should not be there");
                }
            }
        } else if (have instanceof List<?> h && want instanceof List<?> w && h.size() == w.size()) {
            for (int i = 0; i < w.size(); i++) {
                diff(path + "/" + i, h.get(i), w.get(i), out);
            }
        } else if (have == null ? want != null : !have.equals(want)) {
            out.add(path + " is " + abbreviate(have) + ", expected " + abbreviate(want));
        }
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    static String read(Path file) {
        try {
            return Files.readString(file).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.privacyplatform.k8s;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates custom resources against the operators' upstream CRDs (pinned copies in k8s/crds), made strict:
 * every schema that lists `properties` and neither sets `additionalProperties` nor
 * `x-kubernetes-preserve-unknown-fields` gets `additionalProperties: false`, so an unknown or
 * misspelt field fails like it would with a strict API server. CEL rules and webhooks are not
 * covered.
 */
final class CrdSchemas {

    private final Map<String, Schema> schemas;

    private CrdSchemas(Map<String, Schema> schemas) {
        this.schemas = schemas;
    }

    private static CrdSchemas upstream;

    /** The CRDs of ModulePaths.crds(), loaded once. */
    static synchronized CrdSchemas upstream() {
        if (upstream == null) {
            upstream = load(ModulePaths.crds());
        }
        return upstream;
    }

    static CrdSchemas load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("CRD directory " + dir + " is missing (set -Dk8s.crds.dir)");
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
        Map<String, Schema> schemas = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Map<String, Object> crd : Yaml.readAll(file)) {
                    if (!"CustomResourceDefinition".equals(crd.get("kind"))) {
                        continue;
                    }
                    String group = (String) Nodes.at(crd, "spec", "group");
                    String kind = (String) Nodes.at(crd, "spec", "names", "kind");
                    for (Object v : Nodes.list(Nodes.at(crd, "spec", "versions"))) {
                        if (!Boolean.TRUE.equals(Nodes.at(v, "served"))) {
                            continue;
                        }
                        Map<String, Object> schema = Yaml.copy(Nodes.map(Nodes.at(v, "schema", "openAPIV3Schema")));
                        root(schema);
                        strict(schema);
                        schemas.put(group + "/" + Nodes.at(v, "name") + "/" + kind,
                                registry.getSchema(Yaml.toJson(schema), InputFormat.JSON));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CrdSchemas(schemas);
    }

    /** The API server accepts apiVersion, kind and metadata on every object, listed in the CRD or not. */
    @SuppressWarnings("unchecked")
    private static void root(Map<String, Object> schema) {
        Map<String, Object> properties = (Map<String, Object>) schema.computeIfAbsent("properties", k -> new LinkedHashMap<>());
        properties.putIfAbsent("apiVersion", Map.of("type", "string"));
        properties.putIfAbsent("kind", Map.of("type", "string"));
        properties.putIfAbsent("metadata", Map.of("type", "object"));
    }

    /** Adds additionalProperties: false wherever properties are listed and nothing allows more. */
    @SuppressWarnings("unchecked")
    static void strict(Object node) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> schema = (Map<String, Object>) raw;
            if (schema.containsKey("properties") && !schema.containsKey("additionalProperties")
                    && !Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))) {
                schema.put("additionalProperties", false);
            }
            Nodes.map(schema.get("properties")).values().forEach(CrdSchemas::strict);
            strict(schema.get("items"));
            strict(schema.get("additionalProperties"));
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                Nodes.list(schema.get(combinator)).forEach(CrdSchemas::strict);
            }
            strict(schema.get("not"));
        }
    }

    boolean knows(K8sObject o) {
        return schemas.containsKey(o.apiVersion() + "/" + o.kind());
    }

    /** Violations of one custom resource (empty when valid). */
    List<String> validate(K8sObject o) {
        List<String> violations = new ArrayList<>(BuiltinSchemas.validateMetadata(o));
        Schema schema = schemas.get(o.apiVersion() + "/" + o.kind());
        if (schema == null) {
            violations.add(o.id() + ": no served CRD version for " + o.apiVersion() + " " + o.kind()
                    + " in " + ModulePaths.crds());
            return violations;
        }
        // metadata is validated as ObjectMeta above (the CRDs only say "object")
        for (Error error : schema.validate(Yaml.toJson(o.body()), InputFormat.JSON)) {
            violations.add(o.id() + ": " + error);
        }
        return violations;
    }
}

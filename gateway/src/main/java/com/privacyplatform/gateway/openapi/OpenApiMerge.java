package com.privacyplatform.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.privacyplatform.gateway.audit.AuditPaths;
import com.privacyplatform.gateway.routing.DeadLetterPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The combined OpenAPI document for partners, as a pure function: the gateway serves it at run time
 * ({@link CombinedOpenApi}) and the partner-sdk module runs {@link #main} at build time on the
 * documents the services' builds stored, so that the SDK describes exactly what the gateway serves.
 * Each backend contributes the paths the gateway routes to it, prefixed with {@code /api}; schemas
 * and tags of all backends are joined (backends in name order; a schema name that an earlier
 * backend defined differently is prefixed with the backend's name, e.g. {@code DsrTimelineEntry},
 * together with its references), and one bearer security scheme applies to everything. The
 * services' shared audit paths appear once, under {@code /api/audit/{service}}, beside the gateway's
 * own {@code /api/audit/verification} ({@link AuditOperations}); their dead-letter tools once, under
 * {@code /api/services/{service}/dead-letters} ({@link DeadLetterOperations}).
 */
public final class OpenApiMerge {

    /** The prefix under which the gateway serves every backend path. */
    public static final String PREFIX = "/api";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final Pattern ROUTE_KEY = Pattern.compile("^gateway\\.routes\\[(\\d+)]\\.(pattern|backend)$");

    private OpenApiMerge() {
    }

    /**
     * @param documents backend name -> its OpenAPI document, or null when it did not answer (named
     *        in {@code x-unavailable})
     * @param backendOf path below {@code /api} (templates filled in) -> name of the backend the
     *        gateway routes it to
     */
    public static ObjectNode merge(Map<String, JsonNode> documents, Function<String, Optional<String>> backendOf) {
        ObjectNode root = JSON.createObjectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "Privacy compliance platform API");
        info.put("version", "1.0.0");
        info.put("description", "Every partner-facing API of the platform, behind the gateway. Authenticate with a"
                + " bearer token from the platform's Keycloak (realm privacy).");
        root.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = root.putObject("paths");
        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        root.putArray("security").addObject().putArray("bearer");
        ArrayNode unavailable = JSON.createArrayNode();
        ArrayNode tags = root.putArray("tags");
        List<String> tagNames = new ArrayList<>();
        AuditOperations.schemas(schemas, documents.keySet());
        AuditOperations.allChains(paths);
        DeadLetterOperations.schemas(schemas, documents.keySet());
        boolean auditPaths = false;
        boolean deadLetterPaths = false;
        for (Map.Entry<String, JsonNode> backend : new TreeMap<>(documents).entrySet()) {
            JsonNode doc = backend.getValue();
            if (doc == null) {
                unavailable.add(backend.getKey());
                continue;
            }
            // a schema name another backend already defined differently gets the backend's prefix
            Map<String, String> renamed = new TreeMap<>();
            doc.path("components").path("schemas").fields().forEachRemaining(e -> {
                if (schemas.has(e.getKey()) && !schemas.get(e.getKey()).equals(e.getValue())) {
                    renamed.put(e.getKey(), capitalized(backend.getKey()) + e.getKey());
                }
            });
            if (!renamed.isEmpty()) {
                doc = doc.deepCopy();
                renameRefs(doc, renamed);
            }
            copyPaths(backend.getKey(), doc.path("paths"), paths, backendOf);
            if (!auditPaths && doc.path("paths").has(AuditPaths.RECORDS)) {
                // the same operations in every service (platform-commons): taken once, from the first
                AuditOperations.servicePaths(doc.path("paths"), paths, schemas);
                auditPaths = true;
            }
            if (!deadLetterPaths && DeadLetterOperations.present(doc.path("paths"))) {
                // likewise the dead-letter tool (platform-commons), under /api/services/{service}
                DeadLetterOperations.servicePaths(doc.path("paths"), paths);
                deadLetterPaths = true;
            }
            doc.path("components").path("schemas").fields().forEachRemaining(e -> {
                String name = renamed.getOrDefault(e.getKey(), e.getKey());
                if (!schemas.has(name)) {
                    schemas.set(name, e.getValue());
                }
            });
            doc.path("tags").forEach(tag -> {
                if (!tagNames.contains(tag.path("name").asText())) {
                    tagNames.add(tag.path("name").asText());
                    tags.add(tag);
                }
            });
        }
        AuditOperations.tag(tags, tagNames);
        if (!unavailable.isEmpty()) {
            root.set("x-unavailable", unavailable);
        }
        return root;
    }

    private static void renameRefs(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (renamed.containsKey(name)) {
                    object.put("$ref", SCHEMA_REF + renamed.get(name));
                }
            }
            object.forEach(child -> renameRefs(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> renameRefs(child, renamed));
        }
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void copyPaths(String backend, JsonNode from, ObjectNode to,
            Function<String, Optional<String>> backendOf) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
            if (backendOf.apply(concrete).map(backend::equals).orElse(false)) {
                to.set(PREFIX + path.getKey(), path.getValue());
            }
        }
    }

    /**
     * The gateway's routes as its {@code application.properties} declares them (unprofiled
     * {@code gateway.routes[n].pattern/backend}), as a first-match-wins lookup.
     */
    public static Function<String, Optional<String>> routesOf(Properties properties) {
        SortedMap<Integer, String[]> routes = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = ROUTE_KEY.matcher(key);
            if (m.matches()) {
                String[] route = routes.computeIfAbsent(Integer.valueOf(m.group(1)), i -> new String[2]);
                route[m.group(2).equals("pattern") ? 0 : 1] = properties.getProperty(key);
            }
        }
        List<Map.Entry<Pattern, String>> compiled = new ArrayList<>();
        routes.forEach((index, route) -> {
            if (route[0] == null || route[1] == null) {
                throw new IllegalArgumentException("gateway.routes[" + index + "] needs both pattern and backend");
            }
            compiled.add(Map.entry(Pattern.compile(route[0]), route[1]));
        });
        if (compiled.isEmpty()) {
            throw new IllegalArgumentException("no gateway.routes[n] in the gateway's configuration");
        }
        return path -> compiled.stream().filter(r -> r.getKey().matcher(path).matches()).map(Map.Entry::getValue)
                .findFirst();
    }

    /** The gateway's own application.properties: the one beside this class (its jar or classes directory). */
    private static URL gatewayConfiguration() throws IOException {
        String self = OpenApiMerge.class.getResource("OpenApiMerge.class").toString();
        String root = self.substring(0, self.length() - OpenApiMerge.class.getName().length() - ".class".length());
        Enumeration<URL> candidates = OpenApiMerge.class.getClassLoader().getResources("application.properties");
        while (candidates.hasMoreElements()) {
            URL candidate = candidates.nextElement();
            if (candidate.toString().equals(root + "application.properties")) {
                return candidate;
            }
        }
        throw new IllegalStateException("the gateway's application.properties is not beside " + self);
    }

    /**
     * Build time: {@code java OpenApiMerge <output.json> <backend>=<openapi.json>...}, with the
     * gateway's routes from the {@code application.properties} on the class path (the gateway jar).
     * Every input must exist: a build never produces a document with a backend missing.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: OpenApiMerge <output.json> <backend>=<openapi.json>...");
        }
        Properties gateway = new Properties();
        try (InputStream in = gatewayConfiguration().openStream()) {
            gateway.load(in);
        }
        Map<String, JsonNode> documents = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected <backend>=<openapi.json>, got " + args[i]);
            }
            Path file = Path.of(pair[1].trim());
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " does not exist: build the " + pair[0].trim()
                        + " service first (its build stores its OpenAPI document)");
            }
            documents.put(pair[0].trim(), JSON.readTree(file.toFile()));
        }
        ObjectNode merged = merge(documents, routesOf(gateway));
        Path out = Path.of(args[0]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try {
            JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), merged);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + out, e);
        }
        System.out.printf("OpenApiMerge: %d paths from %s -> %s%n", merged.path("paths").size(), documents.keySet(),
                out);
    }
}

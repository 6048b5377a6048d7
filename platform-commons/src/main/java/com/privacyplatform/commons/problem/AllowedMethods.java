package com.privacyplatform.commons.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The methods a path supports, for the {@code Allow} header of a 405: read from the service's own
 * OpenAPI document (every REST operation is in it), because JAX-RS reports a wrong method without
 * naming the right ones. A path template wins over another the way JAX-RS picks a resource: the one
 * with more literal characters ({@code /consents/check} before {@code /consents/{id}}).
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Logger LOG = Logger.getLogger(AllowedMethods.class);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    record PathMethods(Pattern pattern, int literals, String allow) {
    }

    private final Instance<OpenApiDocumentService> documents;
    private volatile List<PathMethods> table;

    public AllowedMethods(Instance<OpenApiDocumentService> documents) {
        this.documents = documents;
    }

    /** The {@code Allow} value for a path, or empty when no documented operation has this path. */
    public Optional<String> forPath(String path) {
        return find(table(), path);
    }

    static Optional<String> find(List<PathMethods> table, String path) {
        return table.stream().filter(entry -> entry.pattern().matcher(path).matches())
                .max(Comparator.comparingInt(PathMethods::literals)).map(PathMethods::allow);
    }

    private List<PathMethods> table() {
        List<PathMethods> current = table;
        if (current == null) {
            current = load();
            table = current;
        }
        return current;
    }

    private List<PathMethods> load() {
        try {
            if (!documents.isResolvable()) {
                return List.of();
            }
            byte[] json = documents.get().getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON);
            return parse(new ObjectMapper().readTree(json));
        } catch (Exception e) {
            LOG.warnf("the OpenAPI document could not be read for Allow headers: %s", e.getMessage());
            return List.of();
        }
    }

    /** One entry per documented path: its template as a pattern and the methods it supports. */
    static List<PathMethods> parse(JsonNode document) {
        List<PathMethods> result = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            Set<String> methods = new LinkedHashSet<>();
            path.getValue().fieldNames().forEachRemaining(name -> {
                if (METHODS.contains(name)) {
                    methods.add(name.toUpperCase(Locale.ROOT));
                }
            });
            if (methods.contains("GET")) {
                methods.add("HEAD"); // JAX-RS answers HEAD for every GET
            }
            methods.add("OPTIONS"); // and OPTIONS everywhere
            result.add(new PathMethods(pattern(path.getKey()), literals(path.getKey()), String.join(", ", methods)));
        }
        return List.copyOf(result);
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = VARIABLE.matcher(template);
        int last = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(last, variable.start()))).append("[^/]+");
            last = variable.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }

    private static int literals(String template) {
        return VARIABLE.matcher(template).replaceAll("").length();
    }
}

package com.privacyplatform.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.privacyplatform.gateway.routing.DeadLetterPaths;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The services' dead-letter tools in the combined document. Every service serves the same
 * {@code /dead-letters...} operations (platform-commons), which would collide under {@code /api}; the
 * gateway serves them as {@code /api/services/{service}/dead-letters...} ({@link DeadLetterPaths}), so
 * the document has each operation once, with the service as a path parameter of the enum schema
 * {@code DeadLetterService} (the backends and the gateway itself).
 */
final class DeadLetterOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private DeadLetterOperations() {
    }

    static void schemas(ObjectNode schemas, Collection<String> services) {
        ObjectNode schema = schemas.putObject("DeadLetterService");
        schema.put("type", "string");
        schema.put("description", "A service whose consumers' dead-letter queues the gateway reaches: a backend by"
                + " the gateway's name for it, or the gateway itself");
        ArrayNode names = schema.putArray("enum");
        Set<String> all = new TreeSet<>(services);
        all.add(DeadLetterPaths.GATEWAY);
        all.forEach(names::add);
    }

    /** Whether a service's document has the shared dead-letter paths. */
    static boolean present(JsonNode servicePaths) {
        for (Iterator<String> names = servicePaths.fieldNames(); names.hasNext();) {
            if (DeadLetterPaths.isServicePath(names.next())) {
                return true;
            }
        }
        return false;
    }

    /** One service's dead-letter paths, under {@code /api/services/{service}}. */
    static void servicePaths(JsonNode servicePaths, ObjectNode to) {
        for (Iterator<Map.Entry<String, JsonNode>> it = servicePaths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!DeadLetterPaths.isServicePath(path.getKey())) {
                continue;
            }
            ObjectNode item = path.getValue().deepCopy();
            item.fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey()) && operation.getValue() instanceof ObjectNode op) {
                    withServiceParameter(op, path.getKey());
                }
            });
            to.set(OpenApiMerge.PREFIX + DeadLetterPaths.gatewayPath("{" + DeadLetterPaths.SERVICE_PARAMETER + "}",
                    path.getKey()), item);
        }
    }

    private static void withServiceParameter(ObjectNode op, String servicePath) {
        ArrayNode parameters = JSON.createArrayNode();
        ObjectNode service = parameters.addObject();
        service.put("name", DeadLetterPaths.SERVICE_PARAMETER).put("in", "path").put("required", true)
                .put("description", "the service whose consumers' dead letters these are");
        service.putObject("schema").put("$ref", "#/components/schemas/DeadLetterService");
        op.path("parameters").forEach(parameters::add);
        op.set("parameters", parameters);
        op.put("description", "The dead-letter queues of the consumers of the service named by `service` (the"
                + " gateway forwards to its " + servicePath + "). Compliance officers only.");
    }
}

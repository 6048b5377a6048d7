package com.privacyplatform.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.privacyplatform.gateway.audit.AuditPaths;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit trails in the combined document (4.1, 1.8). Every service serves the same
 * {@code /audit-records} and {@code /audit-records/verification}, which would collide under
 * {@code /api}; the gateway serves them as {@code /api/audit/{service}/audit-records[/verification]}
 * ({@link AuditPaths}), so the document has each operation once, with the service as a path
 * parameter of the enum schema {@code AuditedService} (SDK: one method per operation, the service
 * an enum argument), and the gateway's own {@code GET /api/audit/verification} over all services.
 */
final class AuditOperations {

    static final String TAG = "Audit trail";
    private static final String VERIFICATION = "verification";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REF = "#/components/schemas/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options",
            "head", "patch", "trace");

    private AuditOperations() {
    }

    /** The gateway's own schemas; put in before the services' so that a service's namesake is renamed. */
    static void schemas(ObjectNode schemas, Collection<String> services) {
        ObjectNode audited = schemas.putObject("AuditedService");
        audited.put("type", "string");
        audited.put("description", "A service behind the gateway, named as the gateway names its backend; each keeps"
                + " its own hash-chained audit trail");
        ArrayNode names = audited.putArray("enum");
        services.stream().sorted().forEach(names::add);

        enumSchema(schemas, "ServiceAuditChainStatus", "VALID: the chain was verified intact; BROKEN: it was not"
                + " (the service's verification says where and what); UNAVAILABLE: the service did not answer, refused or"
                + " answered something else (detail says which) - its chain was not verified", "VALID", "BROKEN",
                "UNAVAILABLE");
        enumSchema(schemas, "AuditChainsStatus", "VALID only when every service's chain was verified intact; BROKEN"
                + " when any chain is broken; INCOMPLETE when none is broken but some service's chain could not be"
                + " verified", "VALID", "BROKEN", "INCOMPLETE");

        ObjectNode chain = object(schemas.putObject("ServiceAuditChain"), "service", "status");
        ObjectNode props = (ObjectNode) chain.get("properties");
        props.putObject("service").put("$ref", REF + "AuditedService");
        props.putObject("status").put("$ref", REF + "ServiceAuditChainStatus");
        // the service's own verification answer: its schema once a service's audit paths are known
        props.putObject(VERIFICATION).put("type", "object")
                .put("description", "the service's verification answer (VALID, BROKEN)");
        props.putObject("detail").put("type", "string")
                .put("description", "why the chain was not verified (UNAVAILABLE)");

        ObjectNode all = object(schemas.putObject("AuditChainsVerification"), "status", "checkedAt", "services");
        ObjectNode allProps = (ObjectNode) all.get("properties");
        allProps.putObject("status").put("$ref", REF + "AuditChainsStatus");
        allProps.putObject("checkedAt").put("type", "string").put("format", "date-time");
        ObjectNode list = allProps.putObject("services");
        list.put("type", "array").put("description", "one entry per service, in name order");
        list.putObject("items").put("$ref", REF + "ServiceAuditChain");
    }

    /**
     * One service's audit paths (after its schema renames), under {@code /api/audit/{service}};
     * its verification answer's schema becomes that of {@code ServiceAuditChain.verification}.
     */
    static void servicePaths(JsonNode servicePaths, ObjectNode to, ObjectNode schemas) {
        JsonNode answer = servicePaths.path(AuditPaths.VERIFICATION).path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema");
        if (answer.isObject()) {
            ((ObjectNode) schemas.path("ServiceAuditChain").path("properties")).set(VERIFICATION, answer.deepCopy());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = servicePaths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!AuditPaths.isServiceAuditPath(path.getKey())) {
                continue;
            }
            ObjectNode item = path.getValue().deepCopy();
            item.fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey()) && operation.getValue() instanceof ObjectNode op) {
                    withServiceParameter(op, path.getKey());
                }
            });
            to.set(OpenApiMerge.PREFIX + AuditPaths.gatewayPath("{" + AuditPaths.SERVICE_PARAMETER + "}",
                    path.getKey()), item);
        }
    }

    /** The gateway's own one-call verification of every service's chain. */
    static void allChains(ObjectNode to) {
        ObjectNode get = to.putObject(OpenApiMerge.PREFIX + AuditPaths.ALL_CHAINS).putObject("get");
        get.putArray("tags").add(TAG);
        get.put("summary", "Verify every service's audit chain in one call");
        get.put("description", "Compliance officers and auditors. The gateway asks every service for its chain"
                + " verification with the caller's token and reports each service's result and the overall status;"
                + " a service that does not answer is UNAVAILABLE (status INCOMPLETE), never VALID.");
        ObjectNode responses = get.putObject("responses");
        responses.putObject("200").put("description", "each service's result and the overall status")
                .putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", REF + "AuditChainsVerification");
        responses.putObject("401").put("description", "Not Authorized");
        responses.putObject("403").put("description", "Not Allowed");
        responses.putObject("429").put("description", "Too many requests");
    }

    static void tag(ArrayNode tags, List<String> tagNames) {
        if (!tagNames.contains(TAG)) {
            tagNames.add(TAG);
            tags.addObject().put("name", TAG);
        }
    }

    private static void withServiceParameter(ObjectNode op, String servicePath) {
        ArrayNode parameters = JSON.createArrayNode();
        ObjectNode service = parameters.addObject();
        service.put("name", AuditPaths.SERVICE_PARAMETER).put("in", "path").put("required", true)
                .put("description", "the service whose audit trail this is");
        service.putObject("schema").put("$ref", REF + "AuditedService");
        op.path("parameters").forEach(parameters::add);
        op.set("parameters", parameters);
        op.put("description", "The audit trail of the service named by `service` (the gateway forwards to its "
                + servicePath + "). Compliance officers and auditors.");
    }

    private static void enumSchema(ObjectNode schemas, String name, String description, String... values) {
        ObjectNode schema = schemas.putObject(name);
        schema.put("type", "string").put("description", description);
        ArrayNode list = schema.putArray("enum");
        for (String value : values) {
            list.add(value);
        }
    }

    private static ObjectNode object(ObjectNode schema, String... required) {
        schema.put("type", "object");
        ArrayNode names = schema.putArray("required");
        for (String name : required) {
            names.add(name);
        }
        schema.putObject("properties");
        return schema;
    }

    private static void int64(ObjectNode props, String name, String description) {
        props.putObject(name).put("type", "integer").put("format", "int64").put("description", description);
    }
}

package com.privacyplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.gateway.openapi.OpenApiMerge;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The pure merge that both the gateway (run time) and the partner SDK (build time) use. */
class OpenApiMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onlyRoutedPathsUnderApiAndCollidingSchemasArePrefixedWithTheirReferences() throws Exception {
        Properties gateway = new Properties();
        try (InputStream in = OpenApiMerge.class.getResourceAsStream("/application.properties")) {
            gateway.load(in);
        }
        Map<String, JsonNode> docs = new HashMap<>();
        docs.put("breach", JSON.readTree("{\"paths\":{\"/incidents/{id}\":{\"get\":{\"responses\":{\"200\":{\"content\":"
                + "{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Recipient\"}}}}}}},"
                + "\"/audit-records\":{\"get\":{}}},\"components\":{\"schemas\":{\"Recipient\":{\"type\":\"object\","
                + "\"properties\":{\"authority\":{\"type\":\"string\"}}}}}}"));
        docs.put("dsr", JSON.readTree("{\"paths\":{\"/tasks/{id}\":{\"get\":{\"responses\":{\"200\":{\"content\":"
                + "{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Recipient\"}}}}}}},"
                + "\"/partners/{id}/retention-bases\":{\"get\":{}}},\"components\":{\"schemas\":{\"Recipient\":"
                + "{\"type\":\"object\",\"properties\":{\"recipientId\":{\"type\":\"string\"}}}}}}"));
        docs.put("consent", null);
        ObjectNode merged = OpenApiMerge.merge(docs, OpenApiMerge.routesOf(gateway));

        assertThat(merged.path("paths").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("/api/incidents/{id}", "/api/tasks/{id}", "/api/partners/{id}/retention-bases",
                        "/api/audit/{service}/audit-records", "/api/audit/verification");
        assertThat(merged.at("/components/schemas/Recipient/properties").has("authority")).isTrue();
        assertThat(merged.at("/components/schemas/DsrRecipient/properties").has("recipientId")).isTrue();
        assertThat(merged.at("/paths/~1api~1tasks~1{id}/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/DsrRecipient");
        assertThat(merged.at("/paths/~1api~1incidents~1{id}/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Recipient");
        assertThat(merged.path("x-unavailable").toString()).isEqualTo("[\"consent\"]");
        assertThat(merged.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    @Verifies({"4.1", "1.8"})
    void everyServicesAuditPathsAppearOnceWithTheServiceAsParameterBesideTheOneCallVerification() throws Exception {
        String audit = "\"/audit-records\":{\"get\":{\"tags\":[\"Audit trail\"],\"parameters\":[{\"name\":\"limit\","
                + "\"in\":\"query\",\"schema\":{\"type\":\"integer\"}}],\"responses\":{\"200\":{\"content\":"
                + "{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/PageAuditRecordView\"}}}}}}},"
                + "\"/audit-records/verification\":{\"get\":{\"responses\":{\"200\":{\"content\":{\"application/json\":"
                + "{\"schema\":{\"$ref\":\"#/components/schemas/AuditVerification\"}}}}}}}";
        String schemas = "\"components\":{\"schemas\":{\"PageAuditRecordView\":{\"type\":\"object\"},"
                + "\"AuditVerification\":{\"type\":\"object\"}}}";
        Map<String, JsonNode> docs = new HashMap<>();
        docs.put("breach", JSON.readTree("{\"paths\":{" + audit + "}," + schemas + "}"));
        docs.put("dsr", JSON.readTree("{\"paths\":{" + audit + ",\"/tasks/{id}\":{\"get\":{}}}," + schemas + "}"));
        docs.put("consent", null);
        ObjectNode merged = OpenApiMerge.merge(docs, path -> path.startsWith("/tasks") ? Optional.of("dsr")
                : Optional.empty());

        assertThat(merged.path("paths").fieldNames()).toIterable().containsExactlyInAnyOrder("/api/tasks/{id}",
                "/api/audit/{service}/audit-records", "/api/audit/{service}/audit-records/verification",
                "/api/audit/verification");
        // the service is a path parameter of one enum, listing every service - also one that did not answer
        assertThat(merged.at("/components/schemas/AuditedService/enum").toString())
                .isEqualTo("[\"breach\",\"consent\",\"dsr\"]");
        JsonNode list = merged.at("/paths/~1api~1audit~1{service}~1audit-records/get");
        assertThat(list.at("/parameters/0/name").asText()).isEqualTo("service");
        assertThat(list.at("/parameters/0/in").asText()).isEqualTo("path");
        assertThat(list.at("/parameters/0/required").asBoolean()).isTrue();
        assertThat(list.at("/parameters/0/schema/$ref").asText()).isEqualTo("#/components/schemas/AuditedService");
        assertThat(list.at("/parameters/1/name").asText()).isEqualTo("limit");
        assertThat(merged.at("/paths/~1api~1audit~1{service}~1audit-records~1verification/get/parameters/0/name")
                .asText()).isEqualTo("service");
        assertThat(merged.at("/paths/~1api~1audit~1verification/get/tags/0").asText()).isEqualTo("Audit trail");
        assertThat(merged.at("/components/schemas/ServiceAuditChainStatus/enum").toString())
                .isEqualTo("[\"VALID\",\"BROKEN\",\"UNAVAILABLE\"]");
        assertThat(merged.at("/components/schemas/AuditChainsStatus/enum").toString())
                .isEqualTo("[\"VALID\",\"BROKEN\",\"INCOMPLETE\"]");
        assertThat(merged.path("tags").findValuesAsText("name")).containsOnlyOnce("Audit trail");
        // each service's entry carries the service's own verification answer, in the services' schema
        assertThat(merged.at("/components/schemas/ServiceAuditChain/properties/verification/$ref").asText())
                .isEqualTo("#/components/schemas/AuditVerification");
        assertThat(references(merged)).isNotEmpty().allSatisfy(ref -> assertThat(
                merged.at("/components/schemas/" + ref.substring("#/components/schemas/".length())).isMissingNode())
                .as(ref).isFalse());
    }

    private static List<String> references(JsonNode node) {
        List<String> refs = new ArrayList<>();
        node.findValues("$ref").forEach(ref -> refs.add(ref.asText()));
        return refs;
    }
}

package com.privacyplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.privacyplatform.gateway.openapi.OpenApiMerge;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
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
                .containsExactlyInAnyOrder("/api/incidents/{id}", "/api/tasks/{id}", "/api/partners/{id}/retention-bases");
        assertThat(merged.at("/components/schemas/Recipient/properties").has("authority")).isTrue();
        assertThat(merged.at("/components/schemas/DsrRecipient/properties").has("recipientId")).isTrue();
        assertThat(merged.at("/paths/~1api~1tasks~1{id}/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/DsrRecipient");
        assertThat(merged.at("/paths/~1api~1incidents~1{id}/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Recipient");
        assertThat(merged.path("x-unavailable").toString()).isEqualTo("[\"consent\"]");
        assertThat(merged.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }
}

package com.privacyplatform.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.http.PathShape;
import io.quarkus.logging.json.runtime.JsonFormatter;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * The access record in the production format (quarkus-logging-json's formatter, as {@code %prod}
 * configures it): one JSON object whose {@code mdc} holds the access fields as fields - never a JSON
 * text inside {@code message}, which is a readable line.
 */
class AccessLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record as the production profile's console handler writes it. */
    static JsonNode prodLine(ExtLogRecord record) throws Exception {
        record.setLoggerName(AccessLog.LOGGER);
        return JSON.readTree(new JsonFormatter().format(record));
    }

    @Test
    void aProdLineHoldsTheAccessFieldsAsFieldsAndAReadableMessage() throws Exception {
        JsonNode line = prodLine(AccessLog.record("POST", "/api/consents/check", 200, 3, 57, "req-abcdef12", "partner",
                "2b9ab027-cb68-523d-81ec-293ae3eaf63b"));
        assertThat(line.get("loggerName").asText()).isEqualTo("gateway.access");
        JsonNode mdc = line.get("mdc");
        assertThat(mdc.isObject()).isTrue();
        assertThat(mdc.get("method").asText()).isEqualTo("POST");
        assertThat(mdc.get("path").asText()).isEqualTo("/api/consents/check");
        assertThat(mdc.get("status").asInt()).isEqualTo(200);
        assertThat(mdc.get("durationMs").asLong()).isEqualTo(3);
        assertThat(mdc.get("bytesOut").asLong()).isEqualTo(57);
        assertThat(mdc.get("correlationId").asText()).isEqualTo("req-abcdef12");
        assertThat(mdc.get("role").asText()).isEqualTo("partner");
        assertThat(mdc.get("partnerId").asText()).isEqualTo("2b9ab027-cb68-523d-81ec-293ae3eaf63b");
        assertThat(line.get("message").asText()).isEqualTo(
                "POST /api/consents/check 200 3 ms 57 B role=partner partner=2b9ab027-cb68-523d-81ec-293ae3eaf63b")
                .doesNotContain("{\"");
        assertThat(line.get("timestamp").asText()).isNotBlank();
    }

    @Test
    void whatTheCallerSendsIsQuotedAndAnonymousCallsHaveNoRole() throws Exception {
        String hostile = "x\",\"status\":999,\"evil\":\"\\\n\u0001";
        JsonNode line = prodLine(AccessLog.record("GET", "/api/{id}", 401, 1, 2, hostile, null, null));
        JsonNode mdc = line.get("mdc");
        assertThat(mdc.get("correlationId").asText()).isEqualTo(hostile);
        assertThat(mdc.get("status").asInt()).isEqualTo(401);
        assertThat(line.has("evil")).isFalse();
        assertThat(mdc.has("evil")).isFalse();
        assertThat(mdc.has("role")).isFalse();
        assertThat(mdc.has("partnerId")).isFalse();
        assertThat(line.get("message").asText()).isEqualTo("GET /api/{id} 401 1 ms 2 B");
    }

    @Test
    void thePathShapeKeepsResourceWordsAndHidesEverythingElse() {
        assertThat(PathShape.of("/api/consents/0190abcd-1234/revocation")).isEqualTo("/api/consents/{id}/revocation");
        assertThat(PathShape.of("/api/.well-known/jwks.json")).isEqualTo("/api/.well-known/jwks.json");
        assertThat(PathShape.of("/api/openapi.json")).isEqualTo("/api/openapi.json");
        assertThat(PathShape.of("/api/subjects/alice@example.com/holders")).isEqualTo("/api/subjects/{id}/holders");
        assertThat(PathShape.of("/api/subjects/alice/holders")).isEqualTo("/api/subjects/{id}/holders");
        assertThat(PathShape.of("/api//Partners/x-1/")).isEqualTo("/api/{id}/{id}");
        assertThat(PathShape.of("/")).isEqualTo("/");
        assertThat(PathShape.of("")).isEqualTo("/");
        assertThat(PathShape.of("/api/jwks.jsonx/openapi.json.bak")).isEqualTo("/api/{id}/{id}");
    }
}

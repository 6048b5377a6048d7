package com.privacyplatform.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.http.PathShape;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The access-log line written without a JSON tree: valid JSON, the same fields, quoting what callers send. */
class AccessLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLineIsJsonWithEveryFieldAndTheTimeInUtcMilliseconds() throws Exception {
        long millis = Instant.parse("2026-12-06T18:04:05.007Z").toEpochMilli();
        JsonNode line = JSON.readTree(AccessLog.line(millis, "POST", "/api/consents/check", 200, 3, 57,
                "req-abcdef12", "partner", "2b9ab027-cb68-523d-81ec-293ae3eaf63b"));
        assertThat(line.get("time").asText()).isEqualTo("2026-12-06T18:04:05.007Z");
        assertThat(line.get("method").asText()).isEqualTo("POST");
        assertThat(line.get("path").asText()).isEqualTo("/api/consents/check");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("durationMs").asLong()).isEqualTo(3);
        assertThat(line.get("bytesOut").asLong()).isEqualTo(57);
        assertThat(line.get("correlationId").asText()).isEqualTo("req-abcdef12");
        assertThat(line.get("role").asText()).isEqualTo("partner");
        assertThat(line.get("partnerId").asText()).isEqualTo("2b9ab027-cb68-523d-81ec-293ae3eaf63b");
        // the next second and the one before are formatted anew, not taken from the cached second
        assertThat(JSON.readTree(AccessLog.line(millis + 1000, "GET", "/", 200, 0, 0, null, null, null))
                .get("time").asText()).isEqualTo("2026-12-06T18:04:06.007Z");
        assertThat(JSON.readTree(AccessLog.line(millis - 7, "GET", "/", 200, 0, 0, null, null, null))
                .get("time").asText()).isEqualTo("2026-12-06T18:04:05.000Z");
    }

    @Test
    void whatTheCallerSendsIsQuotedAndAnonymousCallsHaveNoRole() throws Exception {
        String hostile = "x\",\"status\":999,\"evil\":\"\\\n\u0001";
        JsonNode line = JSON.readTree(AccessLog.line(0, "GET", "/api/{id}", 401, 1, 2, hostile, null, null));
        assertThat(line.get("correlationId").asText()).isEqualTo(hostile);
        assertThat(line.get("status").asInt()).isEqualTo(401);
        assertThat(line.has("evil")).isFalse();
        assertThat(line.has("role")).isFalse();
        assertThat(line.has("partnerId")).isFalse();
        assertThat(JSON.readTree(AccessLog.line(0, "GET", "/", 200, 0, 0, null, null, null)).get("correlationId").isNull())
                .isTrue();
    }

    @Test
    void thePathShapeKeepsResourceWordsAndHidesEverythingElse() {
        assertThat(PathShape.of("/api/consents/0190abcd-1234/revocation")).isEqualTo("/api/consents/{id}/revocation");
        assertThat(PathShape.of("/api/.well-known/jwks.json")).isEqualTo("/api/.well-known/jwks.json");
        assertThat(PathShape.of("/api/openapi.json")).isEqualTo("/api/openapi.json");
        assertThat(PathShape.of("/api/subjects/alice@example.com/holders")).isEqualTo("/api/subjects/{id}/holders");
        assertThat(PathShape.of("/api//Partners/x-1/")).isEqualTo("/api/{id}/{id}");
        assertThat(PathShape.of("/")).isEqualTo("/");
        assertThat(PathShape.of("")).isEqualTo("/");
        assertThat(PathShape.of("/api/jwks.jsonx/openapi.json.bak")).isEqualTo("/api/{id}/{id}");
    }
}

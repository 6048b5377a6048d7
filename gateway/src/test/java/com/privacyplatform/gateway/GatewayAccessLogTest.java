package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.testing.Tokens;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Test;

/**
 * The access log of real requests, each record formatted as the production profile writes it
 * (quarkus-logging-json): the access fields are fields of the line's {@code mdc} object, next to the
 * request's correlation id, and no line holds the path's subject id - even one that looks like a word.
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayAccessLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRequestsAccessLineIsStructuredInProductionAndHoldsNoSubjectId() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        JsonFormatter prod = new JsonFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(prod.format(ExtLogRecord.wrap(record)));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger access = Logger.getLogger("gateway.access");
        access.addHandler(capture);
        try {
            String token = Tokens.partner("partner-demo-a");
            given().auth().oauth2(token).header("X-Request-Id", "req-access-log-1")
                    .get("/api/partners/42").then().statusCode(200);
            // the same token again: answered on the fast path (ApiRoutes#fastPath), the same line
            given().auth().oauth2(token).header("X-Request-Id", "req-access-log-3")
                    .get("/api/partners/42").then().statusCode(200);
            given().auth().oauth2(Tokens.partner("partner-demo-a")).header("X-Request-Id", "req-access-log-2")
                    .get("/api/subjects/alice/holders");
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream()
                    .filter(l -> l.contains("req-access-log-")).count() == 3);
        } finally {
            access.removeHandler(capture);
        }

        JsonNode proxied = line(lines, "req-access-log-1");
        JsonNode mdc = proxied.get("mdc");
        assertThat(mdc.get("method").asText()).isEqualTo("GET");
        assertThat(mdc.get("path").asText()).isEqualTo("/api/partners/{id}");
        assertThat(mdc.get("status").asInt()).isEqualTo(200);
        assertThat(mdc.get("durationMs").asLong()).isNotNegative();
        assertThat(mdc.get("bytesOut").asLong()).isPositive();
        assertThat(mdc.get("role").asText()).isNotBlank();
        assertThat(mdc.get("partnerId").asText()).matches("[0-9a-f-]{36}");
        assertThat(proxied.get("message").asText()).startsWith("GET /api/partners/{id} 200 ");

        JsonNode fast = line(lines, "req-access-log-3").get("mdc");
        for (String field : new String[] {"method", "path", "status", "role", "partnerId"}) {
            assertThat(fast.get(field).asText()).as(field).isEqualTo(mdc.get(field).asText());
        }

        JsonNode subject = line(lines, "req-access-log-2");
        assertThat(subject.get("mdc").get("path").asText()).isEqualTo("/api/subjects/{id}/holders");
        assertThat(lines).noneMatch(l -> l.contains("alice"));
    }

    @Test
    void theAccessLinesReachTheConsoleThroughTheirOwnBufferNotLineByLine() {
        // web/BufferedAccessLines, installed at start: the root logger's console handler no longer gets them
        Logger access = Logger.getLogger("gateway.access");
        assertThat(access.getUseParentHandlers()).isFalse();
        assertThat(access.getHandlers()).anyMatch(h -> h.getClass().getSimpleName().equals("BufferedAccessLines"));
    }

    private static JsonNode line(List<String> lines, String correlationId) throws Exception {
        for (String line : lines) {
            JsonNode json = JSON.readTree(line);
            if (correlationId.equals(json.path("mdc").path("correlationId").asText())) {
                return json;
            }
        }
        throw new AssertionError("no access line with correlationId " + correlationId + " in " + lines);
    }
}

package com.privacyplatform.commons.deadletters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import com.privacyplatform.testing.Tokens;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Production log lines (docs/tracing.md "From an alert to the log lines"): one JSON object a line,
 * and a line written while an event is handled carries the trace id of the event's publication
 * (its CloudEvents {@code traceparent}) and the consumer span's id in its MDC, so an operator goes
 * from a trace to its log lines and back. The consumer's span is exported to the configured OTLP
 * endpoint. Shares {@link ProdQueuesProfile} (one application boot) with {@link ProdFailurePathTest}.
 */
@QuarkusTest
@TestProfile(ProdQueuesProfile.class)
class ProdLogLinesTest {

    static final Path LOG_FILE = Path.of("target", "prod-profile-log.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLineLoggedWhileHandlingAnEventIsJsonWithTheEventsTraceIdAndTheConsumersSpanId() throws Exception {
        byte[] random = new byte[24];
        ThreadLocalRandom.current().nextBytes(random);
        String traceId = HexFormat.of().formatHex(random, 0, 16);
        String publisherSpan = HexFormat.of().formatHex(random, 16, 24);
        UUID id = UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        String data = "{\"widgetId\":\"" + subject + "\",\"partnerId\":\"" + UUID.randomUUID()
                + "\",\"name\":\"traced\",\"n\":3,\"extra\":{}}";
        byte[] event = CloudEventCodec.encode(id, "widget.touched", "/commons-test", subject,
                OffsetDateTime.now(ZoneOffset.UTC), data, "00-" + traceId + "-" + publisherSpan + "-01");
        try (TestBroker broker = new TestBroker(ProdQueuesProfile.VHOST)) {
            broker.publish("widget.touched", event);
            broker.publish("widget.touched", event); // the duplicate is skipped, with a (debug) line saying so
        }

        JsonNode line = await().atMost(Duration.ofSeconds(30)).until(
                () -> lines().stream().filter(l -> l.path("message").asText().contains(id + " already processed"))
                        .findFirst(), Optional::isPresent).orElseThrow();
        JsonNode mdc = line.path("mdc");
        assertThat(mdc.path("traceId").asText()).isEqualTo(traceId);
        assertThat(mdc.path("spanId").asText()).matches("[0-9a-f]{16}").isNotEqualTo(publisherSpan);
        assertThat(line.path("message").asText()).doesNotContain(subject);

        // the consumer's span went to the OTLP endpoint, in the event's trace
        byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
        await().atMost(Duration.ofSeconds(20)).until(() -> contains(OtlpSink.received(), traceIdBytes));
    }

    /**
     * A request, the outbox row it writes, the relay's publication and the consumer's handling are
     * one trace: the row keeps the request's traceparent, and the exported spans name the route
     * template and the event type - never the widget id of the path or the query's values.
     */
    @Test
    void aRequestItsOutboxEventAndItsConsumptionAreOneTraceWhoseSpansHoldNoValuesOfThePath() {
        String partner = Tokens.partner("partner-demo-a");
        String email = "trace.probe." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "@example.com";
        String widget = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body("{\"name\":\"trace-probe\",\"ownerEmail\":\"" + email + "\",\"size\":1}")
                .post("/test/widgets").then().statusCode(201).extract().path("id");
        byte[] random = new byte[24];
        ThreadLocalRandom.current().nextBytes(random);
        String traceId = HexFormat.of().formatHex(random, 0, 16);
        given().auth().oauth2(partner).header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(random, 16, 24)
                        + "-01").queryParam("n", 8).queryParam("note", email)
                .post("/test/widgets/" + widget + "/touches").then().statusCode(204);

        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE subject = ? AND type = 'widget.touched'"
                + " AND traceparent LIKE ?", widget, "00-" + traceId + "-%")).isOne();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count(
                "SELECT count(*) FROM test_effect WHERE subject = ? AND n = 8", widget) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String exported = new String(OtlpSink.received(), StandardCharsets.ISO_8859_1);
            return exported.contains(new String(HexFormat.of().parseHex(traceId), StandardCharsets.ISO_8859_1))
                    && exported.contains("POST /test/widgets/{id}/touches") && exported.contains("publish widget.touched")
                    && exported.contains("process widget.touched");
        });
        String exported = new String(OtlpSink.received(), StandardCharsets.UTF_8);
        assertThat(exported).doesNotContain(widget).doesNotContain(email).doesNotContain("note=")
                .doesNotContain(partner.substring(partner.lastIndexOf('.') + 1));
    }

    /** Every line of the log file, each one a JSON object (fails on a line that is not). */
    private static List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.exists(LOG_FILE)) {
            return lines;
        }
        for (String line : Files.readAllLines(LOG_FILE, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

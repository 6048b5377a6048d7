package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One request through the gateway is one trace (docs/tracing.md): a partner records a consent; the
 * gateway proxies it to consent-service, which writes the consent and its {@code consent.granted}
 * event to the outbox in one transaction; the relay publishes the event, and dsr-service's consumer
 * applies it to its holdings. Every service exports to the phase's OTLP receiver; the spans of the
 * request's trace are read back from there and must form one tree under the caller's own span.
 */
class TracesTest {

    private static final String NOTICE_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void aRecordedConsentIsOneTraceFromTheGatewayThroughTheOutboxAndRelayToDsrServicesConsumer() {
        Platform.ensureActive("partner-demo-a", PARTNER_A, "CN");
        String partner = Platform.partnerA();
        // the caller's own trace context: the gateway continues it, so the test knows the trace's id
        byte[] random = new byte[24];
        ThreadLocalRandom.current().nextBytes(random);
        String traceId = HexFormat.of().formatHex(random, 0, 16);
        String callerSpan = HexFormat.of().formatHex(random, 16, 24);
        String consent = "{\"subjectId\":\"e2e-trace-" + UUID.randomUUID() + "\",\"jurisdiction\":\"CN\","
                + "\"language\":\"zh-CN\",\"channel\":\"WEB\",\"notice\":{\"version\":\"2026-11\",\"textHash\":\""
                + NOTICE_HASH + "\"},\"legalBasis\":\"EXPRESS_CONSENT\",\"method\":\"CHECKBOX\",\"purposes\":[{\"purpose\":"
                + "\"payment_processing\",\"categories\":[\"user.name\"],\"granted\":true}],\"collectedAt\":\""
                + Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS) + "\"}";
        as(partner).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01").body(consent)
                .post("/api/consents").then().statusCode(201);

        List<ExportedSpans.Exported> trace = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ExportedSpans.spans().stream().filter(s -> s.traceId().equals(traceId)).toList(),
                        spans -> spans.stream().anyMatch(s -> s.service().equals("dsr-service")
                                && s.kind() == SpanKind.SPAN_KIND_CONSUMER));

        Map<String, ExportedSpans.Exported> byId = trace.stream()
                .collect(Collectors.toMap(ExportedSpans.Exported::spanId, Function.identity(), (a, b) -> a));
        // one tree: every span's parent is a span of the trace, up to the caller's span
        for (ExportedSpans.Exported span : trace) {
            assertThat(byId.containsKey(span.parentSpanId()) || span.parentSpanId().equals(callerSpan))
                    .as("the parent of %s is in the trace", span).isTrue();
        }
        ExportedSpans.Exported gateway = only(trace, "gateway", SpanKind.SPAN_KIND_SERVER);
        assertThat(gateway.parentSpanId()).isEqualTo(callerSpan);
        // one span per request in the gateway (as Envoy's one per hop): the proxied request carries the
        // server span's own traceparent, and the proxy's client records no span
        assertThat(trace).as("no HTTP client span (named by its method alone) of the gateway's proxy")
                .noneMatch(s -> s.service().equals("gateway") && s.kind() == SpanKind.SPAN_KIND_CLIENT
                        && s.name().equals("POST"));
        ExportedSpans.Exported service = only(trace, "consent-service", SpanKind.SPAN_KIND_SERVER);
        assertThat(service.name()).isEqualTo("POST /consents");
        assertThat(service.parentSpanId()).as("the proxied request carries the gateway's traceparent")
                .isEqualTo(gateway.spanId());
        ExportedSpans.Exported relay = only(trace, "consent-service", SpanKind.SPAN_KIND_PRODUCER);
        assertThat(relay.name()).isEqualTo("publish consent.granted");
        assertThat(ancestors(relay, byId)).as("the relay continues the request that wrote the outbox row")
                .contains(service.spanId());
        ExportedSpans.Exported consumer = only(trace, "dsr-service", SpanKind.SPAN_KIND_CONSUMER);
        assertThat(consumer.name()).isEqualTo("process consent.granted");
        assertThat(consumer.parentSpanId()).as("the consumer's parent is the event's traceparent").isEqualTo(relay.spanId());
        assertThat(trace).as("the consumer's effects (its queries) are in the trace")
                .anyMatch(s -> s.service().equals("dsr-service") && s.kind() == SpanKind.SPAN_KIND_CLIENT
                        && ancestors(s, byId).contains(consumer.spanId()));
        assertThat(trace.stream().map(ExportedSpans.Exported::service).collect(Collectors.toSet()))
                .contains("gateway", "consent-service", "dsr-service");
    }

    private static ExportedSpans.Exported only(List<ExportedSpans.Exported> trace, String service, SpanKind kind) {
        return only(trace, service, kind, name -> true);
    }

    private static ExportedSpans.Exported only(List<ExportedSpans.Exported> trace, String service, SpanKind kind,
            Predicate<String> name) {
        List<ExportedSpans.Exported> found = trace.stream()
                .filter(s -> s.service().equals(service) && s.kind() == kind && name.test(s.name())).toList();
        assertThat(found).as("%s spans of %s in %s", kind, service, trace).hasSize(1);
        return found.get(0);
    }

    private static List<String> ancestors(ExportedSpans.Exported span, Map<String, ExportedSpans.Exported> byId) {
        List<String> ancestors = new ArrayList<>();
        for (var at = byId.get(span.parentSpanId()); at != null; at = byId.get(at.parentSpanId())) {
            ancestors.add(at.spanId());
        }
        return ancestors;
    }

}

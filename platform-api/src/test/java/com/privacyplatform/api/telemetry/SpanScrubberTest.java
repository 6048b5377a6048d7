package com.privacyplatform.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What {@link SpanScrubber} leaves of the attributes the HTTP instrumentation records, on the real
 * OpenTelemetry SDK (a unit slice: the scrubber before an exporter that keeps what it is given).
 */
class SpanScrubberTest {

    private static final String SUBJECT = "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c";
    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private final Tracer tracer = SdkTracerProvider.builder()
            .addSpanProcessor(new SpanScrubber())
            .addSpanProcessor(SimpleSpanProcessor.create(new Keeping()))
            .build().get("test");

    @Test
    void aServerSpanIsNamedAfterItsRouteAndKeepsNeitherThePathNorTheQueryNorTheCallersAddress() {
        Span span = tracer.spanBuilder("GET /subjects/" + SUBJECT + "/holders").setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", "GET")
                .setAttribute("url.path", "/subjects/" + SUBJECT + "/holders")
                .setAttribute("url.query", "email=li.wei@shop-a.example")
                .setAttribute("client.address", "203.0.113.7")
                .startSpan();
        span.setAttribute("http.route", "/subjects/{subjectId}/holders");
        span.end();

        SpanData data = exported.get(0);
        assertThat(data.getName()).isEqualTo("GET /subjects/{subjectId}/holders");
        assertThat(data.getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("/subjects/{subjectId}/holders");
        assertThat(data.getAttributes().get(AttributeKey.stringKey("url.query"))).isEqualTo(SpanScrubber.NOT_RECORDED);
        assertThat(data.getAttributes().get(AttributeKey.stringKey("client.address"))).isEqualTo(SpanScrubber.NOT_RECORDED);
        assertThat(data.getAttributes().toString()).doesNotContain(SUBJECT).doesNotContain("li.wei").doesNotContain("203.0.113.7");
    }

    @Test
    void aServerSpanWithoutARouteIsNamedByItsMethodAlone() {
        tracer.spanBuilder("GET /nowhere/" + SUBJECT).setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", "GET").setAttribute("url.path", "/nowhere/" + SUBJECT)
                .startSpan().end();

        SpanData data = exported.get(0);
        assertThat(data.getName()).isEqualTo("GET");
        assertThat(data.getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo(SpanScrubber.NOT_RECORDED);
    }

    @Test
    void aClientSpanKeepsOnlyTheOriginOfItsUrl() {
        tracer.spanBuilder("POST").setSpanKind(SpanKind.CLIENT).setAttribute("http.request.method", "POST")
                .setAttribute("url.full", "http://consent-service:80/subjects/" + SUBJECT + "/holders?x=1")
                .startSpan().end();

        SpanData data = exported.get(0);
        assertThat(data.getName()).isEqualTo("POST");
        assertThat(data.getAttributes().get(AttributeKey.stringKey("url.full"))).isEqualTo("http://consent-service:80");
    }

    @Test
    void otherSpansKeepTheirNamesAndAttributes() {
        tracer.spanBuilder("publish consent.granted").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.message.id", "019ae4b2-7c0f-7b2a-8e40-4f1a2b3c4d5e").startSpan().end();

        SpanData data = exported.get(0);
        assertThat(data.getName()).isEqualTo("publish consent.granted");
        assertThat(data.getAttributes().get(AttributeKey.stringKey("messaging.message.id")))
                .isEqualTo("019ae4b2-7c0f-7b2a-8e40-4f1a2b3c4d5e");
    }

    @Test
    void aUrlThatIsNotOneIsNotRecorded() {
        assertThat(SpanScrubber.origin("/relative/" + SUBJECT)).isEqualTo(SpanScrubber.NOT_RECORDED);
        assertThat(SpanScrubber.origin("http://[bad")).isEqualTo(SpanScrubber.NOT_RECORDED);
        assertThat(SpanScrubber.origin("https://privacy.example.com/api/x")).isEqualTo("https://privacy.example.com");
    }

    private final class Keeping implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}

package com.privacyplatform.gateway.proxy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.vertx.core.MultiMap;
import java.util.List;

/**
 * The trace context of a proxied request (docs/tracing.md). The gateway records one span per
 * request, its server span, as Envoy records one span per hop: the proxy's HTTP clients are not
 * traced ({@code TracingPolicy.IGNORE}; a client span per proxied request, with its attributes,
 * scrubbing and export, was about a third of what tracing cost the gateway, issue 19). So the
 * forwarded request carries the server span's own {@code traceparent} (and {@code tracestate}),
 * written here in place of the caller's: the backend's server span is a child of the gateway's, and
 * the trace stays one. Without tracing (no OTLP endpoint: the SDK is off and no span is valid) the
 * caller's headers pass through unchanged.
 */
final class TraceHeaders {

    private static final List<String> W3C = List.of("traceparent", "tracestate");
    private static final TextMapSetter<MultiMap> SET = (headers, name, value) -> headers.set(name, value);

    private TraceHeaders() {
    }

    static void continueTrace(MultiMap headers) {
        Context context = Context.current();
        if (Span.fromContext(context).getSpanContext().isValid()) {
            W3C.forEach(headers::remove);
            W3CTraceContextPropagator.getInstance().inject(context, headers, SET);
        }
    }
}

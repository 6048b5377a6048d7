package com.privacyplatform.gateway.proxy;

import io.opentelemetry.api.trace.Span;
import io.vertx.core.MultiMap;
import java.util.List;

/**
 * While the gateway traces (an OTLP endpoint is configured, docs/tracing.md), the caller's W3C trace
 * headers are not copied onto a proxied request: the gateway's traced HTTP client adds its own span's
 * {@code traceparent} when it sends it, and a copied second header would make the backend continue
 * the caller's span instead of the gateway's. The gateway's server span already continues the
 * caller's trace, so the trace stays one. Without tracing they pass through unchanged.
 */
final class TraceHeaders {

    private static final List<String> W3C = List.of("traceparent", "tracestate");

    private TraceHeaders() {
    }

    /** Whether the current request is traced (its server span is valid): then the caller's W3C headers stay behind. */
    static boolean traced() {
        return Span.current().getSpanContext().isValid();
    }

    /** {@code traceparent} or {@code tracestate}, in any case. */
    static boolean w3c(String name) {
        return name.equalsIgnoreCase("traceparent") || name.equalsIgnoreCase("tracestate");
    }

    static void dropIncomingWhenTraced(MultiMap headers) {
        if (traced()) {
            W3C.forEach(headers::remove);
        }
    }
}

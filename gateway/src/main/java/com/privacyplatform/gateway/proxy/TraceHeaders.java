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

    static void dropIncomingWhenTraced(MultiMap headers) {
        if (Span.current().getSpanContext().isValid()) {
            W3C.forEach(headers::remove);
        }
    }
}

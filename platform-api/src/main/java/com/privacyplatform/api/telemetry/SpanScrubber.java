package com.privacyplatform.api.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;

/**
 * Keeps personal values out of every span before it is exported (docs/tracing.md "What a span
 * holds"). The instrumentation records the request's path and query ({@code url.path},
 * {@code url.query}), a client call's whole URL ({@code url.full}) and the caller's address: paths
 * carry subject ids, queries e-mail addresses, and an address is personal information itself. While
 * the span ends (before any processor exports it) these are overwritten: the path by the route
 * template ({@code http.route}), a URL by its origin, the rest by {@value #NOT_RECORDED}; an HTTP span
 * is named {@code METHOD route} or just {@code METHOD}, never after the path. Span events (exception
 * messages) are switched off by configuration ({@code quarkus.otel.span.event.count.limit=0}); SQL
 * statements are recorded with their placeholders and literals sanitised by the instrumentation.
 *
 * <p>An SDK-internal interface ({@link ExtendedSpanProcessor}, "onEnding"): the only point at which a
 * processor may still change a span's attributes; Quarkus registers every {@code SpanProcessor} bean.
 */
@ApplicationScoped
public class SpanScrubber implements ExtendedSpanProcessor {

    static final String NOT_RECORDED = "(not recorded)";
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> FULL = AttributeKey.stringKey("url.full");
    /** Replaced by {@value #NOT_RECORDED} wherever they appear (older semantic conventions included). */
    static final List<AttributeKey<String>> WITHHELD = List.of(AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("http.target"), AttributeKey.stringKey("http.url"),
            AttributeKey.stringKey("client.address"), AttributeKey.stringKey("network.peer.address"),
            AttributeKey.stringKey("net.sock.peer.addr"), AttributeKey.stringKey("http.client_ip"),
            AttributeKey.stringKey("enduser.id"), AttributeKey.stringKey("messaging.message.body"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnding(ReadWriteSpan span) {
        String route = span.getAttribute(ROUTE);
        if (span.getAttribute(PATH) != null) {
            span.setAttribute(PATH, route != null ? route : NOT_RECORDED);
        }
        String full = span.getAttribute(FULL);
        if (full != null) {
            span.setAttribute(FULL, origin(full));
        }
        for (AttributeKey<String> key : WITHHELD) {
            if (span.getAttribute(key) != null) {
                span.setAttribute(key, NOT_RECORDED);
            }
        }
        String method = span.getAttribute(METHOD);
        if (method != null && (span.getKind() == SpanKind.SERVER || span.getKind() == SpanKind.CLIENT)) {
            span.updateName(route != null ? method + " " + route : method);
        }
    }

    @Override
    public boolean isOnEndingRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    /** {@code scheme://host[:port]}: where the call went, without its path and query. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return NOT_RECORDED;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return NOT_RECORDED;
        }
    }
}

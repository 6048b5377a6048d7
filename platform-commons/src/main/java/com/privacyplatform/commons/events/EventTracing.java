package com.privacyplatform.commons.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries a trace across the outbox and the broker (docs/tracing.md): {@link Outbox} stores the
 * writing request's W3C {@code traceparent} with the row, {@link OutboxRelay} publishes the event in a
 * producer span that continues that trace and puts the span's own context into the CloudEvent's
 * {@code traceparent} extension (CloudEvents distributed tracing extension), and {@link EventConsumer}
 * handles it in a consumer span whose parent is that context. Span names and attributes carry the
 * event type, the queue and the event id - never the event's data or subject.
 */
@ApplicationScoped
public class EventTracing {

    static final String TRACEPARENT = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> FROM_TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** @return the current trace context as a W3C traceparent; null when nothing is traced */
    static String currentTraceparent() {
        return traceparentOf(Context.current());
    }

    static String traceparentOf(Context context) {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** A producer span continuing the stored trace (a new trace when none was stored). */
    Span publishSpan(String storedTraceparent, String type, String exchange, String eventId) {
        return builder("publish ", storedTraceparent, SpanKind.PRODUCER, "send", type, eventId)
                .setAttribute("messaging.destination.name", exchange)
                .setAttribute("messaging.rabbitmq.destination.routing_key", type)
                .startSpan();
    }

    /** A consumer span whose parent is the event's {@code traceparent} extension (a new trace without one). */
    Span consumeSpan(String traceparent, String consumer, String type, String eventId) {
        return builder("process ", traceparent, SpanKind.CONSUMER, "process", type, eventId)
                .setAttribute("messaging.consumer.group.name", consumer)
                .startSpan();
    }

    private SpanBuilder builder(String operationName, String traceparent, SpanKind kind, String operationType,
            String type, String eventId) {
        return tracer.spanBuilder(operationName + type)
                .setParent(contextOf(traceparent))
                .setSpanKind(kind)
                .setAttribute("messaging.system", "rabbitmq")
                .setAttribute("messaging.operation.type", operationType)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_type", type);
    }

    private static Context contextOf(String traceparent) {
        Context root = Context.root();
        return traceparent == null ? root : W3C.extract(root, traceparent, FROM_TRACEPARENT);
    }
}

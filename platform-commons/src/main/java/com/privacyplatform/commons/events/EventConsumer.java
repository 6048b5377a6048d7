package com.privacyplatform.commons.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.retention.RetentionConfig;
import com.privacyplatform.commons.time.PlatformClock;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Runs a handler for a consumed message exactly once per event id: decode the CloudEvent, then
 * inbox claim + handler in one transaction, ack after commit, nack (to the dead-letter queue
 * after the delivery limit) on failure - after a back-off that grows with the queue's delivery count
 * ({@code platform.events.retry}), so redeliveries are spaced out instead of immediate. Unreadable messages are nacked at once. A message older
 * than the inbox horizon ({@code platform.retention}) is refused without being applied: its id may
 * have been purged from the inbox, so applying it could apply it twice; it is rejected straight to
 * the dead-letter queue (no requeue), where it expires.
 *
 * <pre>{@code
 * @Incoming("partner-events")
 * Uni<Void> onPartnerEvent(Message<byte[]> message) {
 *     return consumer.consume(message, "consent-service", event -> switch (event.type()) { ... });
 * }
 * }</pre>
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final RetentionConfig retention;
    private final EventsConfig.Retry retry;
    private final Vertx vertx;
    private final EventTracing tracing;
    private final MeterRegistry meters;
    private final PlatformClock clock;

    public EventConsumer(Inbox inbox, ObjectMapper mapper, RetentionConfig retention, EventsConfig events, Vertx vertx,
            EventTracing tracing, MeterRegistry meters, PlatformClock clock) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.retention = retention;
        this.retry = events.retry();
        this.vertx = vertx;
        this.tracing = tracing;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Counts a delivery that was not applied (issue 17.2; docs/operations.md): {@code reason}
     * {@code handler} (the handling failed; the message goes back to its queue, then to the dead-letter
     * queue after the delivery limit), {@code unreadable} (no platform CloudEvent) or {@code too-old}
     * (beyond the inbox horizon). Labelled by the consumer's inbox name only: no event data.
     */
    private void failed(String consumer, String reason) {
        Counter.builder("platform.events.consumer.failures")
                .description("Deliveries a consumer did not apply: its handling failed, or the message was refused")
                .tag("consumer", consumer).tag("reason", reason).register(meters).increment();
    }

    public Uni<Void> consume(Message<byte[]> message, String consumer, Function<ReceivedEvent, Uni<Void>> handler) {
        return consume(message, consumer, event -> Uni.createFrom().voidItem(), handler);
    }

    /**
     * As {@link #consume(Message, String, Function)}, with a {@code prepare} step that runs first,
     * outside any transaction, for work too large for one (e.g. a bulk effect in chunks, each in
     * a transaction of its own). It runs on every delivery, duplicates included, and must be
     * idempotent and resumable: if it fails, or the process stops before the inbox transaction
     * commits, the message is redelivered and {@code prepare} runs again. The inbox row is
     * written with {@code handler}, after {@code prepare} has completed.
     */
    public Uni<Void> consume(Message<byte[]> message, String consumer, Function<ReceivedEvent, Uni<Void>> prepare,
            Function<ReceivedEvent, Uni<Void>> handler) {
        ReceivedEvent event;
        try {
            CloudEvent decoded = CloudEventCodec.decode(message.getPayload());
            event = new ReceivedEvent(decoded, mapper);
            event.id(); // ids must be UUIDs: fail here, not inside the transaction
        } catch (RuntimeException e) {
            LOG.warnf("%s: message is not a platform CloudEvent (%s); dead-lettering it", consumer,
                    e.getClass().getSimpleName());
            failed(consumer, "unreadable");
            return Uni.createFrom().completionStage(message.nack(e));
        }
        if (beyondHorizon(event)) {
            return refuse(message, consumer, event);
        }
        // the handling and its effects (queries, published events) belong to the producer's trace
        Span span = tracing.consumeSpan(event.traceparent(), consumer, event.type(), event.id().toString());
        Scope scope = span.makeCurrent();
        return handle(message, consumer, prepare, handler, event, span)
                .onTermination().invoke(() -> {
                    span.end();
                    scope.close();
                });
    }

    private Uni<Void> handle(Message<byte[]> message, String consumer, Function<ReceivedEvent, Uni<Void>> prepare,
            Function<ReceivedEvent, Uni<Void>> handler, ReceivedEvent event, Span span) {
        return Uni.createFrom().deferred(() -> prepare.apply(event))
                .chain(() -> Panache.withTransaction(() -> inbox.claim(consumer, event.id(), event.type())
                        .chain(first -> first ? handler.apply(event) : skipped(consumer, event))))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    span.setStatus(StatusCode.ERROR);
                    failed(consumer, "handler");
                    long deliveries = deliveryCount(message);
                    Duration delay = backoff(deliveries);
                    LOG.errorf(e, "%s: handling %s %s failed (earlier deliveries: %d); it goes back to its queue in %s"
                            + " and is dead-lettered after the delivery limit", consumer, event.type(), event.id(),
                            deliveries, delay);
                    return nackAfter(message, e, delay);
                });
    }

    /**
     * Returns the message to its queue after {@code delay} without holding up the stream: the
     * message stays unacknowledged until then, and the next messages are consumed meanwhile.
     */
    private Uni<Void> nackAfter(Message<byte[]> message, Throwable failure, Duration delay) {
        if (delay.toMillis() <= 0) {
            return Uni.createFrom().completionStage(message.nack(failure));
        }
        vertx.setTimer(delay.toMillis(), id -> message.nack(failure));
        return Uni.createFrom().voidItem();
    }

    /** The back-off before the (n+1)th delivery: initial * multiplier^n, capped. */
    Duration backoff(long earlierDeliveries) {
        long millis = retry.initialBackoff().toMillis();
        long max = retry.maxBackoff().toMillis();
        for (long i = 0; i < earlierDeliveries && millis < max; i++) {
            millis *= Math.max(1, retry.multiplier());
        }
        return Duration.ofMillis(Math.min(millis, max));
    }

    /** The quorum queue's count of earlier deliveries of this message ({@code x-delivery-count}; absent the first time). */
    static long deliveryCount(Message<byte[]> message) {
        return message.getMetadata(IncomingRabbitMQMetadata.class)
                .map(m -> m.getHeaders().get("x-delivery-count"))
                .map(v -> v instanceof Number n ? n.longValue() : 0L)
                .orElse(0L);
    }

    private boolean beyondHorizon(ReceivedEvent event) {
        OffsetDateTime time = event.time();
        return time != null && time.toInstant().isBefore(retention.replayHorizon(clock.instant()));
    }

    private Uni<Void> refuse(Message<byte[]> message, String consumer, ReceivedEvent event) {
        failed(consumer, "too-old");
        LOG.errorf("%s: refusing %s %s of %s: older than the inbox horizon (%s), so it may have been applied"
                + " already and its id purged; not applied, dead-lettered (replay it only after checking its effect"
                + " by hand)", consumer, event.type(), event.id(), event.time(), retention.inbox());
        return Uni.createFrom().completionStage(message.nack(new IllegalStateException(
                "event older than the inbox horizon"), Metadata.of(new RabbitMQRejectMetadata(false))));
    }

    private static Uni<Void> skipped(String consumer, ReceivedEvent event) {
        LOG.debugf("%s: %s %s already processed, skipped", consumer, event.type(), event.id());
        return Uni.createFrom().voidItem();
    }
}

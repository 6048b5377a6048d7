package com.privacyplatform.commons.events;

import com.privacyplatform.commons.db.NotifyLinger;
import com.privacyplatform.commons.db.NotifyListener;
import com.rabbitmq.client.AMQP;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import com.privacyplatform.commons.db.CustomPlans;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Delivers committed outbox rows to the topic exchange (routing key = event type), persistent,
 * with publisher confirms; a row is marked sent only after the broker confirmed it. Failed batches
 * stay pending and are retried with exponential backoff, so delivery is at-least-once and
 * consumers deduplicate through their {@link Inbox}.
 *
 * <p>Order: one relay at a time per database (a transaction-scoped advisory lock), rows in commit
 * sequence, one batch at a time, each sent whole on one channel or not at all ({@link BrokerConnection}:
 * a failed batch leaves nothing behind that could still go out after it) - so events of one aggregate
 * reach the broker in the order written, a resent batch at most repeating some of them.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The channel the outbox table's insert trigger NOTIFYs on at commit. */
    static final String CHANNEL = "platform_outbox";
    private static final long LOCK_KEY = 0x0b0c_0001L; // pg advisory lock: "outbox relay"
    /** Full batches after which the next batch scans from the start again (see {@link #after}). */
    static final int RESCAN_EVERY = 50;

    private final Pool pool;
    private final Vertx vertx;
    private final EventsConfig config;
    private final EventTracing tracing;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile long pausedUntil;
    private volatile Duration backoff;
    private BrokerConnection broker;
    private NotifyListener listener;
    private long pollTimer = -1;
    /**
     * Where the next batch starts: the last {@code seq} this instance relayed while it works through a
     * backlog (0: from the start). A sent row leaves a dead entry in the pending index until a vacuum,
     * so a scan from the start steps over every row sent since, on every batch (issue 18.1: draining a
     * million-subject termination's two million events, each batch took 0.5 s). A row committed late
     * below it (its {@code seq} drawn before rows relayed already) is found by the next scan from the
     * start: after a batch that was not full, and after every {@value #RESCAN_EVERY} full batches.
     */
    private volatile long after;
    private volatile int fullBatches;

    public OutboxRelay(Pool pool, Vertx vertx, EventsConfig config, EventTracing tracing) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.tracing = tracing;
        this.backoff = config.relay().minBackoff();
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled on this instance");
            return;
        }
        broker = new BrokerConnection(vertx, ConfigProvider.getConfig(), config.exchange());
        broker.connect().subscribe().with(ok -> { }, e -> LOG.warnf("broker not reachable yet (%s); relay keeps retrying",
                e.getMessage()));
        listener = new NotifyListener(vertx, ConfigProvider.getConfig(), CHANNEL,
                new NotifyLinger(vertx, config.relay().linger(), this::trigger));
        listener.start();
        pollTimer = vertx.setPeriodic(config.relay().pollInterval().toMillis(), id -> trigger());
    }

    void stop(@Observes ShutdownEvent event) {
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
        if (listener != null) {
            listener.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    /** Asks for a relay run; coalesces concurrent requests and respects the failure backoff. */
    public void trigger() {
        if (System.currentTimeMillis() < pausedUntil) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        relayBatch().subscribe().with(this::afterBatch, this::afterFailure);
    }

    private void afterBatch(int sent) {
        backoff = config.relay().minBackoff();
        running.set(false);
        if (sent >= config.relay().batchSize() || again.getAndSet(false)) {
            vertx.runOnContext(v -> trigger());
        }
    }

    private void afterFailure(Throwable e) {
        Duration wait = backoff;
        backoff = min(backoff.multipliedBy(2), config.relay().maxBackoff());
        pausedUntil = System.currentTimeMillis() + wait.toMillis();
        running.set(false);
        LOG.warnf("outbox relay batch not delivered (%s); retrying in %d ms", e.getMessage(), wait.toMillis());
        vertx.setTimer(wait.toMillis(), id -> trigger());
    }

    /** @return how many events were published and confirmed */
    Uni<Integer> relayBatch() {
        if (broker == null) {
            return Uni.createFrom().failure(new IllegalStateException("broker connection not started"));
        }
        List<UUID> attempted = new ArrayList<>();
        // connected first (or reconnected after a failure), so an unreachable broker costs no database work
        return broker.connect().chain(() -> pool.withTransaction(conn -> conn
                .query(CustomPlans.SELECT_PREFIX + "pg_try_advisory_xact_lock(" + LOCK_KEY + ") AS locked")
                        .execute()
                        .chain(rows -> rows.iterator().next().getBoolean("locked") ? relayLocked(conn, attempted)
                                : Uni.createFrom().item(0))))
                // after the rollback (the batch's sent_at updates undone)
                .onFailure().call(e -> recordFailure(attempted, e));
    }

    private Uni<Integer> relayLocked(SqlConnection conn, List<UUID> attempted) {
        int limit = config.relay().batchSize();
        long from = after;
        // no FOR UPDATE: the advisory lock already makes this the only relay of the database, and a row lock
        // per event cost a WAL record and a dirtied page each (issue 16.1). The rows' other writers change no
        // column this relies on: recordFailure (attempts, last_error of unsent rows; the UPDATE below waits for
        // it and re-reads the row) and the retention purge (sent rows only).
        return conn.preparedQuery("SELECT seq, id, type, source, subject, occurred_at, payload::text AS payload,"
                        + " traceparent FROM platform_outbox WHERE sent_at IS NULL AND seq > $2 ORDER BY seq LIMIT $1")
                .execute(Tuple.of(limit, from))
                .chain(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        after = 0;
                        return Uni.createFrom().item(0);
                    }
                    batch.forEach(r -> attempted.add(r.getUUID("id")));
                    return publishAll(batch)
                            .chain(() -> markSent(conn, batch))
                            .invoke(sent -> advance(batch, limit));
                });
    }

    /** After a batch was sent: continue behind it while the backlog lasts, else from the start. */
    private void advance(List<Row> batch, int limit) {
        if (batch.size() < limit || ++fullBatches >= RESCAN_EVERY) {
            fullBatches = 0;
            after = 0;
        } else {
            after = batch.get(batch.size() - 1).getLong("seq");
        }
    }

    /**
     * The whole batch in one hand-over to a worker (issue 16.1: one wake-up per batch, not per event), sent
     * in seq order on one channel, confirmed as a whole ({@link BrokerConnection#publishConfirmed}). Each
     * event in a producer span of the writing request's trace; the CloudEvent carries the span's context
     * ({@code traceparent}), so each consumer's span is its child. The spans end when the batch is confirmed.
     */
    private Uni<Void> publishAll(List<Row> batch) {
        List<Span> spans = new ArrayList<>(batch.size());
        List<BrokerConnection.Outgoing> messages = new ArrayList<>(batch.size());
        for (Row row : batch) {
            Span span = tracing.publishSpan(row.getString("traceparent"), row.getString("type"), broker.exchange(),
                    row.getUUID("id").toString());
            spans.add(span);
            messages.add(message(row, span));
        }
        return broker.publishConfirmed(messages, config.relay().confirmTimeout())
                .onFailure().invoke(e -> spans.forEach(span -> span.setStatus(StatusCode.ERROR)))
                .onTermination().invoke(() -> spans.forEach(Span::end));
    }

    private static BrokerConnection.Outgoing message(Row row, Span span) {
        UUID id = row.getUUID("id");
        String type = row.getString("type");
        byte[] body = CloudEventCodec.encode(id, type, row.getString("source"), row.getString("subject"),
                row.getOffsetDateTime("occurred_at"), row.getString("payload"),
                EventTracing.traceparentOf(Context.root().with(span)));
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType(CloudEventCodec.CONTENT_TYPE)
                .deliveryMode(2) // persistent: survives a broker restart
                .messageId(id.toString())
                .type(type)
                .timestamp(Date.from(row.getOffsetDateTime("occurred_at").toInstant()))
                .build();
        return new BrokerConnection.Outgoing(type, props, body);
    }

    private Uni<Integer> markSent(SqlConnection conn, List<Row> batch) {
        UUID[] ids = batch.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
        return conn.preparedQuery("UPDATE platform_outbox SET sent_at = now(), attempts = attempts + 1,"
                        + " last_error = NULL WHERE id = ANY($1)")
                .execute(Tuple.of(ids))
                .map(r -> batch.size());
    }

    /** Outside the rolled-back batch transaction, so operators see why events wait. */
    private Uni<Void> recordFailure(List<UUID> attempted, Throwable e) {
        if (attempted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = attempted.toArray(UUID[]::new);
        String reason = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
        return pool.preparedQuery("UPDATE platform_outbox SET attempts = attempts + 1, last_error = left($2, 500)"
                        + " WHERE id = ANY($1) AND sent_at IS NULL")
                .execute(Tuple.of(ids, reason))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

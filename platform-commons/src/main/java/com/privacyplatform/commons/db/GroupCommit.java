package com.privacyplatform.commons.db;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit for statements that are a whole write by themselves, such as a first consent decision
 * ({@link JointInsert#insertAlone}; issue 16.1). While {@code max-in-flight} batches of one statement
 * text are on their way to the database, further calls of that text wait, and go together as the next
 * batch: the prepared statement executed once per call's values, all before one {@code Sync}, so that
 * PostgreSQL runs them in one implicit transaction - one commit, one WAL flush and one wake-up of the
 * listeners of their {@code NOTIFY}s (identical notifications of a transaction are delivered once) for
 * all of them. Nothing waits for a timer: a call that finds a free slot is sent at once, alone, so a
 * quiet service writes exactly as before and a busy one sends what arrived meanwhile in one go.
 *
 * <p>The calls of a batch commit together or not at all. When the server refuses the batch with an
 * error (a call's unique violation aborts the transaction, which is then rolled back entirely), every
 * call of it is sent again on its own, so that only the offending one fails, with the server's own
 * error. A lost connection ({@link ConnectionLoss}: also the server's FATAL of a terminated backend) is
 * never retried: the batch may have committed before the answer was lost, so every call gets that
 * failure, as a call sent alone would (a 503 whose outcome is unknown).
 * Each call completes on the Vert.x context it was made on.
 *
 * <p>{@code platform.db.group-commit.max-batch} (64) bounds a batch, {@code max-in-flight} (2) the
 * batches of one statement sent at the same time (a batch per database core keeps the server busy;
 * fewer means larger batches); {@code enabled=false} sends every call alone, as before.
 */
@ApplicationScoped
public class GroupCommit {

    private final Pool pool;
    private final boolean enabled;
    private final int maxBatch;
    private final int maxInFlight;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger batches = new AtomicInteger();

    public GroupCommit(Pool pool,
            @ConfigProperty(name = "platform.db.group-commit.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "platform.db.group-commit.max-batch", defaultValue = "64") int maxBatch,
            @ConfigProperty(name = "platform.db.group-commit.max-in-flight", defaultValue = "2") int maxInFlight) {
        if (maxBatch < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("platform.db.group-commit.max-batch and max-in-flight must be at least 1,"
                    + " not " + maxBatch + " and " + maxInFlight);
        }
        this.pool = pool;
        this.enabled = enabled;
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
    }

    /**
     * Executes {@code sql} with {@code params}, alone or in a batch with other calls of the same text,
     * and completes once its transaction has committed (or failed).
     */
    public Uni<Void> execute(String sql, Tuple params) {
        if (!enabled) {
            return pool.preparedQuery(sql).execute(params).replaceWithVoid();
        }
        return Uni.createFrom().emitter(emitter -> {
            Lane lane = lanes.computeIfAbsent(sql, Lane::new);
            List<Call> batch;
            synchronized (lane) {
                lane.waiting.add(new Call(params, emitter, Vertx.currentContext()));
                if (lane.inFlight >= maxInFlight) {
                    return; // a batch in flight sends it when it ends
                }
                lane.inFlight++;
                batch = lane.take(maxBatch);
            }
            send(lane, batch);
        });
    }

    /** How many batches of more than one call were sent since start (for tests and diagnostics). */
    public int batchesSent() {
        return batches.get();
    }

    private void send(Lane lane, List<Call> batch) {
        if (batch.size() == 1) {
            oneByOne(lane, batch); // a batch of one is the call alone
            return;
        }
        batches.incrementAndGet();
        List<Tuple> tuples = new ArrayList<>(batch.size());
        for (Call call : batch) {
            tuples.add(call.params());
        }
        pool.preparedQuery(lane.sql).executeBatch(tuples).subscribe().with(
                rows -> {
                    batch.forEach(Call::succeed);
                    next(lane);
                },
                failure -> {
                    if (failure instanceof PgException && !ConnectionLoss.is(failure)) {
                        oneByOne(lane, batch); // refused and rolled back: each call again on its own
                    } else {
                        batch.forEach(call -> call.fail(failure));
                        next(lane);
                    }
                });
    }

    /** Each call alone (a batch of one, or a refused batch); the lane's slot goes on once all have ended. */
    private void oneByOne(Lane lane, List<Call> batch) {
        AtomicInteger left = new AtomicInteger(batch.size());
        for (Call call : batch) {
            pool.preparedQuery(lane.sql).execute(call.params()).subscribe().with(
                    rows -> {
                        call.succeed();
                        if (left.decrementAndGet() == 0) {
                            next(lane);
                        }
                    },
                    failure -> {
                        call.fail(failure);
                        if (left.decrementAndGet() == 0) {
                            next(lane);
                        }
                    });
        }
    }

    /** After a batch: the calls that arrived meanwhile go as the next one, or the slot is released. */
    private void next(Lane lane) {
        List<Call> batch;
        synchronized (lane) {
            if (lane.waiting.isEmpty()) {
                lane.inFlight--;
                return;
            }
            batch = lane.take(maxBatch);
        }
        send(lane, batch);
    }

    /** The calls of one statement text waiting for a slot, and the batches in flight. */
    private static final class Lane {
        final String sql;
        final ArrayDeque<Call> waiting = new ArrayDeque<>();
        int inFlight;

        Lane(String sql) {
            this.sql = sql;
        }

        List<Call> take(int max) {
            List<Call> batch = new ArrayList<>(Math.min(max, waiting.size()));
            while (batch.size() < max && !waiting.isEmpty()) {
                batch.add(waiting.poll());
            }
            return batch;
        }
    }

    private record Call(Tuple params, UniEmitter<? super Void> emitter, Context context) {

        void succeed() {
            onContext(() -> emitter.complete(null));
        }

        void fail(Throwable failure) {
            onContext(() -> emitter.fail(failure));
        }

        private void onContext(Runnable action) {
            if (context == null || context == Vertx.currentContext()) {
                action.run();
            } else {
                context.runOnContext(v -> action.run());
            }
        }
    }
}

package com.privacyplatform.commons.projection;

import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.problem.ProblemType;
import com.privacyplatform.commons.time.PlatformClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs every {@link Reconciler} of the service (issue 18.2): until a projection's first complete
 * rebuild, every {@code retry-interval}; after it, every {@code reconcile-interval}; and on demand
 * ({@link #reconcileNow}). Keeps, in {@code platform_projection_sync}, when each projection was first
 * built, so that a restarted service does not wait for its source again, and reports the drift each
 * run repaired as the counter {@code platform.projection.drift.repaired} (tag {@code projection}, no
 * other label) and a log line. The first run builds the projection; what it writes is not drift.
 *
 * <p>A fresh service with an empty projection answers the requests that need it with 503
 * {@code projection-unavailable} ({@link #requireBuilt}); readiness does not wait for the rebuild,
 * so services that depend on each other can all start.
 */
@ApplicationScoped
public class ProjectionSync {

    private static final Logger LOG = Logger.getLogger(ProjectionSync.class);

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Pool pool;
    private final Duration reconcileInterval;
    private final Duration retryInterval;
    private final PlatformClock clock;

    public ProjectionSync(Instance<Reconciler> reconcilers, Pool pool, MeterRegistry meters, PlatformClock clock,
            @ConfigProperty(name = "platform.projections.reconcile-interval", defaultValue = "10M")
            Duration reconcileInterval,
            @ConfigProperty(name = "platform.projections.retry-interval", defaultValue = "5S") Duration retryInterval) {
        this.pool = pool;
        this.clock = clock;
        this.reconcileInterval = reconcileInterval;
        this.retryInterval = retryInterval;
        for (Reconciler r : reconcilers) {
            entries.put(r.projection(), new Entry(r, Counter.builder("platform.projection.drift.repaired")
                    .description("Projection entries a reconciliation with the source had to repair")
                    .tag("projection", r.projection()).register(meters)));
        }
    }

    /** Whether the projection may be used: its first rebuild is done, or it has no source to wait for. */
    public boolean built(String projection) {
        Entry e = entry(projection);
        return !e.reconciler.hasSource() || e.firstSyncedAt != null;
    }

    /**
     * Fails with 503 {@code projection-unavailable} (Retry-After) while the projection's first
     * rebuild is not done: the service cannot yet tell what its source says.
     */
    public void requireBuilt(String projection) {
        if (!built(projection)) {
            throw new ProblemException(new Problem(ProblemType.BASE_URI + "projection-unavailable",
                    "Projection not yet built", 503, "this service has not yet built its " + projection
                            + " projection from its source; retry shortly", null, null, null, null),
                    Map.of("Retry-After", Long.toString(Math.max(1, retryInterval.toSeconds()))));
        }
    }

    /** The projection's state as an operator sees it; 404 for a projection this service does not keep. */
    public ProjectionState state(String projection) {
        Entry e = entries.get(projection);
        if (e == null) {
            throw ProblemException.notFound("this service keeps no projection " + projection);
        }
        return new ProjectionState(projection, e.reconciler.hasSource(), built(projection), e.firstSyncedAt,
                e.lastReconciledAt, e.lastRepaired, e.repairedTotal, e.reconciliations, e.running.get());
    }

    /**
     * Reconciles now (an operator's request): 409 while a run is under way or when no source is
     * configured; answers the state after the run.
     */
    public Uni<ProjectionState> reconcileNow(String projection) {
        Entry e = entries.get(projection);
        if (e == null) {
            return Uni.createFrom().failure(ProblemException.notFound("this service keeps no projection " + projection));
        }
        if (!e.reconciler.hasSource()) {
            return Uni.createFrom().failure(ProblemException.conflict("no source is configured for " + projection
                    + "; it is fed by events only"));
        }
        return run(e).onFailure(failure -> !(failure instanceof ProblemException)).transform(failure -> {
            LOG.warnf("reconciliation of the %s projection on request failed (%s)", projection, failure.getMessage());
            return ProblemException.of(503, "projection-source-unavailable", "Projection source unavailable",
                    "the source of the " + projection + " projection could not be read; the projection is unchanged;"
                            + " retry later");
        }).map(ran -> {
            if (!ran) {
                throw ProblemException.conflict("a reconciliation of " + projection + " is under way; retry when it ends");
            }
            return state(projection);
        });
    }

    @Scheduled(identity = "platform-projection-sync", every = "${platform.projections.retry-interval:5S}",
            delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Multi.createFrom().iterable(List.copyOf(entries.values()))
                .filter(e -> e.reconciler.hasSource())
                .onItem().transformToUniAndConcatenate(e -> load(e).chain(() -> due(e) ? run(e) : Uni.createFrom().item(false))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("reconciliation of the %s projection failed (%s); retrying in %s", e.projection(),
                                    failure.getMessage(), e.firstSyncedAt == null ? retryInterval : reconcileInterval);
                            return false;
                        }))
                .collect().last().replaceWithVoid();
    }

    private boolean due(Entry e) {
        return e.firstSyncedAt == null || e.lastReconciledAt == null
                || e.lastReconciledAt.plus(reconcileInterval).isBefore(clock.instant());
    }

    /** Reads the stored state (another replica may have built or reconciled the projection meanwhile). */
    private Uni<Void> load(Entry e) {
        return pool.preparedQuery("SELECT first_synced_at, last_reconciled_at, last_repaired, repaired_total,"
                        + " reconciliations FROM platform_projection_sync WHERE projection = $1")
                .execute(Tuple.of(e.projection()))
                .invoke(rows -> rows.forEach(row -> e.apply(row, true)))
                .replaceWithVoid();
    }

    private Uni<Boolean> run(Entry e) {
        if (!e.running.compareAndSet(false, true)) {
            return Uni.createFrom().item(false);
        }
        long started = System.nanoTime();
        // the first run builds the projection: what it writes is the projection, not drift
        boolean building = e.firstSyncedAt == null;
        return Uni.createFrom().deferred(e.reconciler::reconcile)
                .map(written -> building ? 0 : written)
                .chain(repaired -> pool.preparedQuery("INSERT INTO platform_projection_sync (projection,"
                                + " first_synced_at, last_reconciled_at, last_repaired, repaired_total, reconciliations)"
                                + " VALUES ($1, $3, $3, $2, $2, 1) ON CONFLICT (projection) DO UPDATE SET"
                                + " last_reconciled_at = $3, last_repaired = $2, repaired_total ="
                                + " platform_projection_sync.repaired_total + $2, reconciliations ="
                                + " platform_projection_sync.reconciliations + 1 RETURNING first_synced_at,"
                                + " last_reconciled_at, last_repaired, repaired_total, reconciliations")
                        .execute(Tuple.of(e.projection(), repaired, clock.now()))
                        .invoke(rows -> {
                            rows.forEach(row -> e.apply(row, false));
                            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
                            if (building) {
                                LOG.infof("projection %s built from its source in %d ms", e.projection(), ms);
                            } else if (repaired > 0) {
                                e.drift.increment(repaired);
                                LOG.warnf("projection %s reconciled with its source in %d ms: %d entr%s repaired (drift)",
                                        e.projection(), ms, repaired, repaired == 1 ? "y" : "ies");
                            } else {
                                LOG.infof("projection %s reconciled with its source in %d ms: no drift", e.projection(), ms);
                            }
                        }))
                .replaceWith(true)
                .eventually(() -> e.running.set(false));
    }

    private Entry entry(String projection) {
        Entry e = entries.get(projection);
        if (e == null) {
            throw new IllegalArgumentException("no reconciler for the projection " + projection);
        }
        return e;
    }

    private static final class Entry {
        final Reconciler reconciler;
        final Counter drift;
        final AtomicBoolean running = new AtomicBoolean();
        volatile Instant firstSyncedAt;
        volatile Instant lastReconciledAt;
        volatile int lastRepaired;
        volatile long repairedTotal;
        volatile long reconciliations;

        Entry(Reconciler reconciler, Counter drift) {
            this.reconciler = reconciler;
            this.drift = drift;
        }

        String projection() {
            return reconciler.projection();
        }

        void apply(Row row, boolean onlyIfNewer) {
            Instant last = row.getOffsetDateTime("last_reconciled_at").toInstant();
            if (onlyIfNewer && lastReconciledAt != null && !last.isAfter(lastReconciledAt)) {
                return;
            }
            OffsetDateTime first = row.getOffsetDateTime("first_synced_at");
            firstSyncedAt = first.toInstant();
            lastReconciledAt = last;
            lastRepaired = row.getInteger("last_repaired");
            repairedTotal = row.getLong("repaired_total");
            reconciliations = row.getLong("reconciliations");
        }
    }
}

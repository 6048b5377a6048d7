package com.privacyplatform.dsr.order;

import com.privacyplatform.commons.projection.ProjectionSync;
import com.privacyplatform.dsr.config.DsrConfig;
import com.privacyplatform.dsr.holding.HoldingReconciliation;
import com.privacyplatform.dsr.holding.HoldingRepository;
import com.privacyplatform.dsr.retention.RetentionBasis;
import com.privacyplatform.dsr.retention.RetentionBasisRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Drives the fan-outs of mass deletion orders (3.5.d, 3.4.j) to their end, chunk by chunk. A chunk is
 * one short transaction: lock the fan-out row (skip it if another worker has it), take the next
 * {@code dsr.mass-deletion.chunk-size} subjects after the cursor, open their requests
 * ({@link MassDeletions#orderChunk}), move the cursor past them. A failure or crash loses at most the
 * chunk in flight, which rolls back whole; the next run (every {@code dsr.mass-deletion.resume-every},
 * and at start) resumes from the cursor. The unique index of ordered requests per subject makes a
 * second request for a subject impossible whatever happens. The chunk that finds no subject left ends
 * the fan-out: the order counts as fanned out and, for a termination, its completion is checked.
 */
@ApplicationScoped
public class MassDeletionWorker {

    private static final Logger LOG = Logger.getLogger(MassDeletionWorker.class);

    private final FanOutJobs jobs;
    private final ProjectionSync projections;
    private final MassDeletions deletions;
    private final HoldingRepository holdings;
    private final RetentionBasisRepository retention;
    private final DeletionOrders orders;
    private final TerminationWork terminationWork;
    private final DsrConfig config;
    /** Tests only: how the next runs are interrupted (see {@link #interrupt}). */
    private final Interruption interruption = new Interruption();

    public MassDeletionWorker(FanOutJobs jobs, MassDeletions deletions, HoldingRepository holdings,
            RetentionBasisRepository retention, DeletionOrders orders, TerminationWork terminationWork,
            DsrConfig config, ProjectionSync projections) {
        this.projections = projections;
        this.jobs = jobs;
        this.deletions = deletions;
        this.holdings = holdings;
        this.retention = retention;
        this.orders = orders;
        this.terminationWork = terminationWork;
        this.config = config;
    }

    @Scheduled(identity = "dsr-mass-deletion", every = "${dsr.mass-deletion.resume-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!projections.built(HoldingReconciliation.PROJECTION)) {
            // who holds whose data is not known yet (issue 18.2): a fan-out now would miss subjects;
            // the orders wait, recorded, until the holdings projection is built
            return Uni.createFrom().voidItem();
        }
        return resumeAll().onFailure().recoverWithItem(e -> {
            LOG.errorf("mass deletion fan-out stopped (%s); the next run resumes from its cursor",
                    e.getClass().getSimpleName());
            return 0;
        }).replaceWithVoid();
    }

    /** Drives every unfinished fan-out to its end; returns how many chunks ran. */
    public Uni<Integer> resumeAll() {
        return Panache.withSession(() -> jobs.unfinished(20))
                .chain(keys -> Multi.createFrom().iterable(keys)
                        .onItem().transformToUniAndConcatenate(this::drive)
                        .collect().asList()
                        .map(ns -> ns.stream().mapToInt(Integer::intValue).sum()));
    }

    /** Runs the fan-out's chunks until it is finished (or another worker holds it); returns the chunks run. */
    public Uni<Integer> drive(FanOutJobs.Key key) {
        AtomicInteger chunks = new AtomicInteger();
        return Multi.createBy().repeating().uni(() -> chunk(key)).whilst(more -> more)
                .onItem().invoke(more -> interruption.afterChunk(chunks.incrementAndGet()))
                .collect().last()
                .map(last -> chunks.get());
    }

    /** One chunk in its own transaction; true when more may follow. */
    private Uni<Boolean> chunk(FanOutJobs.Key key) {
        return Panache.withTransaction(() -> jobs.lock(key).chain(job -> job == null ? Uni.createFrom().item(false)
                : step(job)));
    }

    private Uni<Boolean> step(FanOutJobs.Job job) {
        int size = config.massDeletion().chunkSize();
        return jobs.nextSubjects(job.key().partnerId(), job.after(), size).chain(subjects -> {
            if (subjects.isEmpty()) {
                return finish(job, 0).replaceWith(false);
            }
            String last = subjects.get(subjects.size() - 1);
            Set<String> chunk = new HashSet<>(subjects); // a holding of a subject that arrived since is not in it
            return holdings.ofPartnerBetween(job.key().partnerId(), job.after(), last)
                    .map(held -> held.stream().filter(h -> chunk.contains(h.subjectId)).toList())
                    .chain(held -> bases(job, last).chain(bases -> deletions.orderChunk(job, held, bases)))
                    .call(requests -> jobs.advance(job.key(), last, subjects.size(), requests))
                    .invoke(requests -> interruption.insideChunk())
                    .chain(requests -> subjects.size() < size ? finish(job, requests).replaceWith(false)
                            : Uni.createFrom().item(true));
        });
    }

    private Uni<List<RetentionBasis>> bases(FanOutJobs.Job job, String last) {
        return DeletionOrders.TERMINATION.equals(job.key().kind())
                ? retention.ofPartnerFor(job.key().partnerId(), job.after(), last)
                : Uni.createFrom().item(List.of());
    }

    private Uni<Void> finish(FanOutJobs.Job job, int lastRequests) {
        FanOutJobs.Key key = job.key();
        int requests = job.requests() + lastRequests;
        LOG.infof("mass deletion %s %s of partner %s fanned out: %d requests", key.kind(), key.ref(), key.partnerId(),
                requests);
        return jobs.finish(key)
                .call(() -> orders.recordRequests(key.kind(), key.ref(), key.partnerId(), requests))
                // a partner that held nothing (or only exempt data) is done at once
                .call(() -> DeletionOrders.TERMINATION.equals(key.kind())
                        ? terminationWork.completeIfDone(key.partnerId()) : Uni.createFrom().voidItem());
    }

    /**
     * Tests only: the next {@code runs} runs fail after {@code chunks} chunks - between two chunks
     * ({@code inside} false) or inside the next chunk's transaction after its writes, before its commit.
     */
    void interrupt(int runs, int chunks, boolean inside) {
        interruption.set(runs, chunks, inside);
    }

    /** The test hook's state; inactive unless {@link #interrupt} was called. */
    static final class Interruption {
        private final AtomicInteger runs = new AtomicInteger();
        private volatile int chunks;
        private volatile boolean inside;
        private final AtomicInteger seen = new AtomicInteger();

        void set(int runs, int chunks, boolean inside) {
            this.chunks = chunks;
            this.inside = inside;
            this.seen.set(0);
            this.runs.set(runs);
        }

        void afterChunk(int done) {
            if (!inside && runs.get() > 0 && done >= chunks && runs.decrementAndGet() >= 0) {
                throw new IllegalStateException("fan-out interrupted between chunks (test)");
            }
        }

        void insideChunk() {
            if (inside && runs.get() > 0 && seen.incrementAndGet() > chunks && runs.decrementAndGet() >= 0) {
                seen.set(0);
                throw new IllegalStateException("fan-out interrupted inside a chunk (test)");
            }
        }
    }
}

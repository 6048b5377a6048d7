package com.privacyplatform.dsr.order;

import com.privacyplatform.commons.projection.ProjectionSync;
import com.privacyplatform.dsr.config.DsrConfig;
import com.privacyplatform.dsr.holding.HoldingReconciliation;
import com.privacyplatform.dsr.holding.HoldingRepository;
import com.privacyplatform.dsr.retention.RetentionBasis;
import com.privacyplatform.dsr.retention.RetentionBasisRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Drives the fan-outs of mass deletion orders (3.5.d, 3.4.j) to their end, step by step. A step locks
 * the fan-out row in a short transaction of its own (skip it if another worker has it), takes the next
 * {@code dsr.mass-deletion.lanes} chunks of {@code dsr.mass-deletion.chunk-size} subjects after the
 * cursor, opens each chunk's requests ({@link MassDeletions#orderChunk}) in a transaction of the chunk's
 * own, all chunks at once, and then moves the cursor past them. A failure or crash loses at most the
 * chunks in flight, each of which rolls back whole; the next run (every
 * {@code dsr.mass-deletion.resume-every}, and at start) resumes from the cursor and skips the subjects
 * whose requests a committed chunk of an unfinished step opened. The unique index of ordered requests
 * per subject makes a second request for a subject impossible whatever happens. The step that finds no
 * subject left ends the fan-out: the order counts as fanned out and, for a termination, its completion
 * is checked.
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
    private final VertxInternal vertx;
    /** Tests only: how the next runs are interrupted (see {@link #interrupt}). */
    private final Interruption interruption = new Interruption();

    public MassDeletionWorker(FanOutJobs jobs, MassDeletions deletions, HoldingRepository holdings,
            RetentionBasisRepository retention, DeletionOrders orders, TerminationWork terminationWork,
            DsrConfig config, ProjectionSync projections, Vertx vertx) {
        this.vertx = (VertxInternal) vertx;
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

    /** One step in the driver's transaction, which holds the fan-out's row; true when more may follow. */
    private Uni<Boolean> chunk(FanOutJobs.Key key) {
        return Panache.withTransaction(() -> jobs.lock(key).chain(job -> job == null ? Uni.createFrom().item(false)
                : step(job)));
    }

    /**
     * The next {@code dsr.mass-deletion.lanes} chunks of subjects after the cursor, each opened in a
     * transaction of its own, all at once, so that one chunk's statements run in the database while the
     * service prepares another's (issue 18.1: one chunk at a time left both waiting on each other); then
     * the cursor moves past them in the driver's transaction. A step that fails after some of its
     * chunks committed leaves the cursor where it was: its redo finds their requests
     * ({@link FanOutJobs#orderedSubjects}), counts them and opens none twice.
     */
    private Uni<Boolean> step(FanOutJobs.Job job) {
        int size = config.massDeletion().chunkSize();
        int take = size * Math.max(1, config.massDeletion().lanes());
        return jobs.nextSubjects(job.key().partnerId(), job.after(), take).chain(subjects -> {
            if (subjects.isEmpty()) {
                return finish(job, 0).replaceWith(false);
            }
            List<Chunk> chunks = Chunk.split(job.after(), subjects, size);
            String last = subjects.get(subjects.size() - 1);
            return Multi.createFrom().iterable(chunks)
                    .onItem().transformToUniAndMerge(c -> inTransactionOfItsOwn(() -> open(job, c)))
                    .collect().with(Collectors.summingInt(Integer::intValue))
                    .call(requests -> jobs.advance(job.key(), last, subjects.size(), requests, chunks.size()))
                    .invoke(requests -> interruption.insideChunk())
                    .chain(requests -> subjects.size() < take ? finish(job, requests).replaceWith(false)
                            : Uni.createFrom().item(true));
        });
    }

    /** Opens the chunk's requests; returns how many of its subjects have one now. */
    private Uni<Integer> open(FanOutJobs.Job job, Chunk chunk) {
        String last = chunk.last();
        return jobs.orderedSubjects(job.key(), chunk.after(), last).chain(ordered -> {
            // a holding of a subject that arrived since the step read its subjects is not in it
            Set<String> todo = new HashSet<>(chunk.subjects());
            todo.removeAll(ordered);
            int existing = chunk.subjects().size() - todo.size();
            return holdings.ofPartnerBetween(job.key().partnerId(), chunk.after(), last)
                    .map(held -> held.stream().filter(h -> todo.contains(h.subjectId)).toList())
                    .chain(held -> bases(job, chunk.after(), last)
                            .chain(bases -> deletions.orderChunk(job, held, bases)))
                    .map(opened -> opened + existing);
        });
    }

    private Uni<List<RetentionBasis>> bases(FanOutJobs.Job job, String after, String last) {
        return DeletionOrders.TERMINATION.equals(job.key().kind())
                ? retention.ofPartnerFor(job.key().partnerId(), after, last)
                : Uni.createFrom().item(List.of());
    }

    /**
     * Runs {@code work} in a transaction of its own, on a context of its own (a reactive session belongs
     * to its context; the new one is flagged safe, as Quarkus flags a request's) on the next event loop,
     * so that the chunks of a step are prepared on different cores, and answers on the caller's context,
     * whose session and transaction go on.
     */
    private <T> Uni<T> inTransactionOfItsOwn(Supplier<Uni<T>> work) {
        Context caller = Vertx.currentContext();
        if (caller == null) {
            throw new IllegalStateException("a fan-out step runs on a Vert.x context");
        }
        Context own = VertxContext.createNewDuplicatedContext(vertx.createEventLoopContext());
        VertxContextSafetyToggle.setContextSafe(own, true);
        return Uni.createFrom().emitter(emitter -> own.runOnContext(ignored -> Uni.createFrom()
                .deferred(() -> Panache.withTransaction(work)).subscribe()
                .with(item -> caller.runOnContext(x -> emitter.complete(item)),
                        failure -> caller.runOnContext(x -> emitter.fail(failure)))));
    }

    /** Consecutive subjects of a step: those after {@code after}, up to and including the last. */
    record Chunk(String after, List<String> subjects) {

        String last() {
            return subjects.get(subjects.size() - 1);
        }

        static List<Chunk> split(String after, List<String> subjects, int size) {
            List<Chunk> out = new ArrayList<>();
            String from = after;
            for (int i = 0; i < subjects.size(); i += size) {
                List<String> part = subjects.subList(i, Math.min(subjects.size(), i + size));
                out.add(new Chunk(from, part));
                from = part.get(part.size() - 1);
            }
            return out;
        }
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
     * Tests only: the next {@code runs} runs fail after {@code steps} steps - between two steps
     * ({@code inside} false) or inside the next step after its chunks committed, before the cursor moved
     * past them.
     */
    void interrupt(int runs, int steps, boolean inside) {
        interruption.set(runs, steps, inside);
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

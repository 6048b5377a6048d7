package com.privacyplatform.dsr.overdue;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.overdue.OverdueNotices;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.commons.time.Utc;
import com.privacyplatform.dsr.events.DsrEvents;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.Timeline;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.workflow.Actors;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * Escalation of missed deadlines (3.5.b-c "promptly"): OPEN requests past their due day and unresolved
 * tasks past their deadline (the due day's end, or a recipient task's instant) become overdue, and
 * {@code dsr.overdue} is emitted once per request or task and due date
 * (an extended deadline that passes too is announced again), with the dedupe mark in the same
 * transaction as the outbox row.
 */
@ApplicationScoped
public class OverdueScanner {

    static final int BATCH = 500;
    /** The kinds of notices ({@code overdue_notice.kind}). */
    static final String REQUEST = "request";
    static final String TASK = "task";

    private final OverdueNotices notices;
    private final Outbox outbox;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final PlatformClock clock;

    public OverdueScanner(OverdueNotices notices, Outbox outbox, Timeline timeline, AuditTrail audit,
            PlatformClock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(identity = "dsr-overdue-scan", every = "${dsr.overdue-scan:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scan().replaceWithVoid();
    }

    /** One scan in its own transaction; returns how many notices it emitted. */
    public Uni<Integer> scan() {
        return Panache.withTransaction(this::emitDueNotices);
    }

    @Enforces(value = {"3.5.b", "3.5.c"}, note = "missed deadlines are escalated once per request and task")
    public Uni<Integer> emitDueNotices() {
        LocalDate today = clock.today();
        OffsetDateTime now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        return overdueRequests(today).chain(requests -> each(requests, this::emit))
                .chain(n -> overdueTasks(now).chain(tasks -> each(tasks, this::emit)).map(m -> n + m));
    }

    private Uni<Boolean> emit(DsrRequest r) {
        DsrEvents.Overdue data = new DsrEvents.Overdue(r.id, null, null, r.dueOn, Utc.endOf(r.dueOn));
        return notices.claim(REQUEST, r.id, r.dueOn, null, clock.now()).chain(claimed -> !claimed
                ? Uni.createFrom().item(false)
                : outbox.publish(DsrEvents.OVERDUE, r.id.toString(), data)
                        .call(eventId -> notices.attach(REQUEST, r.id, r.dueOn, eventId))
                        .invoke(() -> {
                            if (r.overdueSince == null) {
                                r.overdueSince = clock.now();
                            }
                        })
                        .call(() -> timeline.add(r.id, Timeline.OVERDUE, Actors.SYSTEM.actor(),
                                "{\"dueOn\":\"" + r.dueOn + "\"}"))
                        .call(() -> audit.record(Actors.SYSTEM, "dsr-request.overdue-notified", "dsr-request",
                                r.id.toString(), "{\"dueOn\":\"" + r.dueOn + "\"}"))
                        .replaceWith(true));
    }

    private Uni<Boolean> emit(DsrTask t) {
        DsrEvents.Overdue data = new DsrEvents.Overdue(t.requestId, t.id, t.partnerId, t.dueOn, t.dueAt.toInstant());
        return notices.claim(TASK, t.id, t.dueOn, t.partnerId, clock.now()).chain(claimed -> !claimed
                ? Uni.createFrom().item(false)
                : outbox.publish(DsrEvents.OVERDUE, t.requestId.toString(), data)
                        .call(eventId -> notices.attach(TASK, t.id, t.dueOn, eventId))
                        .invoke(() -> {
                            if (t.overdueSince == null) {
                                t.overdueSince = clock.now();
                            }
                        })
                        .call(() -> timeline.add(t.requestId, t.id, t.partnerId, Timeline.TASK_OVERDUE,
                                Actors.SYSTEM.actor(), "{\"dueOn\":\"" + t.dueOn + "\"}"))
                        .call(() -> audit.record(Actors.SYSTEM, "dsr-task.overdue-notified", "dsr-task",
                                t.id.toString(), "{\"dueOn\":\"" + t.dueOn + "\"}"))
                        .replaceWith(true));
    }

    private static <T> Uni<Integer> each(List<T> items, Function<T, Uni<Boolean>> emit) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> emit.apply(item)) // one session: never concurrently
                .collect().asList()
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }

    private static Uni<List<DsrRequest>> overdueRequests(LocalDate today) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        SELECT r.* FROM dsr_request r WHERE r.status = 'OPEN' AND r.due_on < CAST(:today AS date)
                        AND NOT EXISTS (SELECT 1 FROM overdue_notice n WHERE n.kind = 'request'
                                        AND n.target_id = r.id AND n.due_on = r.due_on)
                        ORDER BY r.due_on, r.id LIMIT :batch""", DsrRequest.class)
                .setParameter("today", today).setParameter("batch", BATCH)
                .getResultList());
    }

    /** Unresolved tasks past their deadline's last instant (a recipient task's may end at any hour). */
    private static Uni<List<DsrTask>> overdueTasks(OffsetDateTime now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        SELECT t.* FROM dsr_task t WHERE t.status IN ('OPEN', 'CLAIMED')
                        AND t.due_at < :now
                        AND NOT EXISTS (SELECT 1 FROM overdue_notice n WHERE n.kind = 'task'
                                        AND n.target_id = t.id AND n.due_on = t.due_on)
                        ORDER BY t.due_at, t.id LIMIT :batch""", DsrTask.class)
                .setParameter("now", now).setParameter("batch", BATCH)
                .getResultList());
    }
}

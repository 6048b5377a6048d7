package com.privacyplatform.dsr.workflow;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.dsr.events.DsrEvents;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestStatus;
import com.privacyplatform.dsr.request.Timeline;
import com.privacyplatform.dsr.request.TimelineEntry;
import com.privacyplatform.dsr.task.DsrTask;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Deletions the platform orders for many subjects at once (one chunk of a 3.5.d termination or 3.4.j
 * breach order), their tasks already planned: per subject the same request, tasks, {@code dsr.submitted}
 * / {@code dsr.task-created} events, timeline entries and audit records as a request opened one by one
 * ({@link RequestRecords#persist}, {@link FanOut#create}, {@link Completion#completeIfDone}), but written
 * with multi-row statements ({@link BatchRows}) instead of a round trip per row; the rows are not in the
 * session afterwards. Call inside a transaction.
 */
@ApplicationScoped
public class BatchOrders {

    private final RequestRecords records;
    private final DeadlineAssignment deadlines;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Completion completion;
    private final FanOut fanOut;
    private final Timeline timeline;

    public BatchOrders(RequestRecords records, DeadlineAssignment deadlines, Outbox outbox, AuditTrail audit,
            Completion completion, FanOut fanOut, Timeline timeline) {
        this.records = records;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.audit = audit;
        this.completion = completion;
        this.fanOut = fanOut;
        this.timeline = timeline;
    }

    /**
     * @param submissions one per subject, all by the same actor (the platform)
     * @param plans       each submission's planned tasks, in the same order
     * @return the requests opened, in the submissions' order
     */
    public Uni<List<DsrRequest>> order(List<Submission> submissions, List<List<TaskPlan>> plans) {
        if (submissions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        AuditActor actor = submissions.get(0).actor();
        if (submissions.stream().anyMatch(s -> !s.actor().equals(actor))) {
            throw new IllegalArgumentException("a batch of orders has one actor");
        }
        List<DsrRequest> requests = submissions.stream().map(s -> records.newRequest(s, RequestStatus.OPEN)).toList();
        List<Work> works = plans.stream().map(Work::tasks).toList();
        return deadlines.scheduleAll(requests, works).chain(scheduled -> write(requests, scheduled, actor));
    }

    private Uni<List<DsrRequest>> write(List<DsrRequest> requests, List<Work> scheduled, AuditActor actor) {
        List<DsrTask> tasks = new ArrayList<>();
        List<TimelineEntry> entries = new ArrayList<>();
        List<Outbox.Event> events = new ArrayList<>();
        List<AuditTrail.Entry> audits = new ArrayList<>();
        List<DsrRequest> resolved = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            DsrRequest r = requests.get(i);
            Work w = scheduled.get(i);
            deadlines.apply(r, r.submittedAt, w);
            String detail = RequestRecords.submittedDetail(r);
            events.add(new Outbox.Event(DsrEvents.SUBMITTED, r.id.toString(), RequestRecords.submitted(r)));
            entries.add(timeline.entry(r.id, null, null, Timeline.SUBMITTED, actor.actor(), detail));
            audits.add(new AuditTrail.Entry("dsr-request.submitted", "dsr-request", r.id.toString(), detail));
            for (TaskPlan plan : w.plans()) {
                DsrTask t = fanOut.newTask(r, plan, actor);
                String taskDetail = FanOut.detail(t);
                tasks.add(t);
                events.add(new Outbox.Event(DsrEvents.TASK_CREATED, r.id.toString(), FanOut.created(r, t)));
                entries.add(timeline.entry(r.id, t.id, t.partnerId,
                        plan.exempt() ? Timeline.TASK_EXEMPT : Timeline.TASK_CREATED, actor.actor(), taskDetail));
                audits.add(new AuditTrail.Entry("dsr-task.created", "dsr-task", t.id.toString(), taskDetail));
            }
            if (w.plans().stream().allMatch(TaskPlan::exempt)) {
                resolved.add(r);
            }
        }
        // foreign-key order: requests, their tasks, then the timeline naming both
        return Panache.getSession()
                .chain(session -> session.flush()
                        .chain(() -> BatchRows.REQUESTS.insert(session, requests))
                        .chain(() -> BatchRows.TASKS.insert(session, tasks))
                        .chain(() -> BatchRows.TIMELINE.insert(session, entries))
                        .chain(() -> outbox.publishAll(events))
                        .chain(() -> audit.recordAll(actor, audits))
                        .chain(() -> complete(session, resolved, actor)))
                .replaceWith(requests);
    }

    /** Requests with nothing left to do (all retained) complete at once, like WorkStarter#start. */
    private Uni<Void> complete(Mutiny.Session session, List<DsrRequest> resolved, AuditActor actor) {
        return Multi.createFrom().iterable(resolved)
                .onItem().transformToUniAndConcatenate(r -> session.find(DsrRequest.class, r.id)
                        .chain(stored -> completion.completeIfDone(stored, actor)))
                .collect().last().replaceWithVoid();
    }
}

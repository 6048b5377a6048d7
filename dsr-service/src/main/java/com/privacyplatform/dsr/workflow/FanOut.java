package com.privacyplatform.dsr.workflow;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.deadline.Deadline;
import com.privacyplatform.dsr.events.DsrEvents;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.Timeline;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.TaskRepository;
import com.privacyplatform.dsr.task.TaskStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Turns scheduled task plans into tasks of an OPEN request: rows, dsr.task-created events, timeline and audit. */
@ApplicationScoped
public class FanOut {

    private final TaskRepository tasks;
    private final Outbox outbox;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final PlatformClock clock;

    public FanOut(TaskRepository tasks, Outbox outbox, Timeline timeline, AuditTrail audit, PlatformClock clock) {
        this.tasks = tasks;
        this.outbox = outbox;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<List<DsrTask>> create(DsrRequest r, List<TaskPlan> plans, AuditActor actor) {
        return Multi.createFrom().iterable(plans)
                .onItem().transformToUniAndConcatenate(plan -> create(r, plan, actor)) // one session: in sequence
                .collect().asList();
    }

    private Uni<DsrTask> create(DsrRequest r, TaskPlan plan, AuditActor actor) {
        DsrTask t = newTask(r, plan, actor);
        String detail = detail(t);
        return tasks.persist(t)
                .call(() -> outbox.publish(DsrEvents.TASK_CREATED, r.id.toString(), created(r, t)))
                .call(() -> timeline.add(r.id, t.id, t.partnerId,
                        plan.exempt() ? Timeline.TASK_EXEMPT : Timeline.TASK_CREATED, actor.actor(), detail))
                .call(() -> audit.record(actor, "dsr-task.created", "dsr-task", t.id.toString(), detail));
    }

    /** The task row of a plan (not yet stored); also used by {@link BatchOrders}. */
    DsrTask newTask(DsrRequest r, TaskPlan plan, AuditActor actor) {
        DsrTask t = new DsrTask();
        t.id = Ids.newId();
        t.requestId = r.id;
        t.partnerId = plan.partnerId();
        t.kind = plan.kind();
        t.type = r.type;
        t.subjectId = r.subjectId;
        t.recipientName = plan.recipientName();
        t.recipientCountry = plan.recipientCountry();
        t.categories = plan.categories();
        t.purposes = plan.purposes();
        t.retainedCategories = plan.retainedCategories();
        t.retentionBasisIds = plan.retentionBasisIds();
        t.status = plan.exempt() ? TaskStatus.EXEMPT : TaskStatus.OPEN;
        Deadline due = plan.deadline(); // its own: its consents' jurisdictions, or the recipient deadline
        t.policyId = due.policyId();
        t.jurisdiction = due.jurisdiction();
        t.jurisdictions = due.jurisdictions();
        t.dueOn = due.dueOn();
        t.originalDueOn = due.dueOn();
        t.latestDueOn = due.latestDueOn();
        t.dueAt = due.dueAt();
        t.createdAt = clock.now();
        t.updatedAt = t.createdAt;
        if (plan.exempt()) {
            t.resolvedAt = t.createdAt;
            t.resolvedBy = actor.actor();
        }
        return t;
    }

    static DsrEvents.TaskCreated created(DsrRequest r, DsrTask t) {
        DsrEvents.Recipient recipient = t.recipientName == null ? null
                : new DsrEvents.Recipient(t.recipientName, t.recipientCountry);
        return new DsrEvents.TaskCreated(t.id, r.id, t.partnerId, r.subjectId, r.type.name(),
                t.kind.name(), t.status.name(), recipient, t.categories, t.dueOn, t.dueAt.toInstant(), t.policyId,
                t.jurisdiction, r.origin.name());
    }

    static String detail(DsrTask t) {
        return "{\"kind\":\"" + t.kind + "\",\"status\":\"" + t.status + "\"}";
    }
}

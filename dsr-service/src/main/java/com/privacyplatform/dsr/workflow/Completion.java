package com.privacyplatform.dsr.workflow;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.events.DsrEvents;
import com.privacyplatform.dsr.order.TerminationWork;
import com.privacyplatform.dsr.request.RequestOrigin;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestOutcome;
import com.privacyplatform.dsr.request.RequestRepository;
import com.privacyplatform.dsr.request.RequestStatus;
import com.privacyplatform.dsr.request.Timeline;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.TaskKind;
import com.privacyplatform.dsr.task.TaskRepository;
import com.privacyplatform.dsr.task.TaskStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A request completes when all its tasks have (completed with evidence, rejected with a legal basis,
 * or exempt); its duplicates complete with it. Call with the request row locked.
 */
@ApplicationScoped
public class Completion {

    private final RequestRepository requests;
    private final TaskRepository tasks;
    private final Outbox outbox;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final TerminationWork terminations;
    private final PlatformClock clock;

    public Completion(RequestRepository requests, TaskRepository tasks, Outbox outbox, Timeline timeline,
            AuditTrail audit, TerminationWork terminations, PlatformClock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.outbox = outbox;
        this.timeline = timeline;
        this.audit = audit;
        this.terminations = terminations;
        this.clock = clock;
    }

    /**
     * Completes the request when none of its tasks is left open; otherwise its due date becomes the
     * earliest of its partner tasks still open (one resolved in time no longer makes the request overdue).
     */
    public Uni<Void> completeIfDone(DsrRequest r, AuditActor actor) {
        if (r.status != RequestStatus.OPEN) {
            return Uni.createFrom().voidItem();
        }
        return tasks.ofRequest(r.id).chain(list -> {
            if (list.stream().allMatch(t -> t.status.isResolved())) {
                return finish(r, outcomeOf(list), count(list, TaskStatus.COMPLETED), count(list, TaskStatus.REJECTED),
                        count(list, TaskStatus.EXEMPT), list.isEmpty() ? lateWithoutTasks(r)
                                : list.stream().anyMatch(DsrTask::isLate), actor);
            }
            nextDue(list).filter(due -> !due.equals(r.dueOn)).ifPresent(due -> {
                r.dueOn = due;
                r.updatedAt = clock.now();
            });
            return Uni.createFrom().voidItem();
        });
    }

    /** The request's due date: the earliest of its unresolved partner tasks' (recipient tasks keep their own). */
    static Optional<LocalDate> nextDue(List<DsrTask> list) {
        return list.stream().filter(t -> t.kind == TaskKind.PARTNER && !t.status.isResolved()).map(t -> t.dueOn)
                .min(Comparator.naturalOrder());
    }

    /** A request without tasks (a revocation) is late when it completes after its due day. */
    boolean lateWithoutTasks(DsrRequest r) {
        return r.dueOn != null && clock.today().isAfter(r.dueOn);
    }

    /** @param late a task was resolved after its deadline (or a request without tasks after its due day) */
    public Uni<Void> finish(DsrRequest r, RequestOutcome outcome, int completed, int rejected, int exempt,
            boolean late, AuditActor actor) {
        return close(r, outcome, completed, rejected, exempt, late, actor)
                .chain(() -> requests.linkedTo(r.id))
                .chain(linked -> Multi.createFrom().iterable(linked)
                        .onItem().transformToUniAndConcatenate(d ->
                                close(d, outcome, completed, rejected, exempt, late, actor))
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> close(DsrRequest r, RequestOutcome outcome, int completed, int rejected, int exempt,
            boolean late, AuditActor actor) {
        r.status = RequestStatus.COMPLETED;
        r.outcome = outcome;
        r.completedAt = clock.now();
        r.updatedAt = r.completedAt;
        DsrEvents.Completed event = new DsrEvents.Completed(r.id, r.subjectId, r.type.name(), outcome.name(),
                completed, rejected, exempt, late, r.completedAt.toInstant());
        String detail = "{\"outcome\":\"" + outcome + "\",\"late\":" + late + "}";
        return outbox.publish(DsrEvents.COMPLETED, r.id.toString(), event)
                .call(() -> timeline.add(r.id, Timeline.COMPLETED, actor.actor(), detail))
                .call(() -> audit.record(actor, "dsr-request.completed", "dsr-request", r.id.toString(), detail))
                // 3.5.d: the last request of a termination ends the terminated partner's deletion work
                .call(() -> r.origin == RequestOrigin.TERMINATION && r.originRef != null
                        ? terminations.completeIfDone(r.originRef) : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    static RequestOutcome outcomeOf(List<DsrTask> list) {
        int completed = count(list, TaskStatus.COMPLETED);
        if (list.isEmpty()) {
            return RequestOutcome.NO_DATA_HELD;
        }
        if (completed == list.size()) {
            return RequestOutcome.FULFILLED;
        }
        if (completed > 0) {
            return RequestOutcome.PARTIALLY_FULFILLED;
        }
        return count(list, TaskStatus.EXEMPT) == list.size() ? RequestOutcome.RETAINED : RequestOutcome.NOT_FULFILLED;
    }

    private static int count(List<DsrTask> list, TaskStatus status) {
        return (int) list.stream().filter(t -> t.status == status).count();
    }
}

package com.privacyplatform.dsr.request;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.dsr.Times;
import com.privacyplatform.dsr.deadline.DeadlineCalculator.ExtensionDecision;
import com.privacyplatform.dsr.deadline.DeadlinePolicy;
import com.privacyplatform.dsr.deadline.Deadlines;
import com.privacyplatform.dsr.events.DsrEvents;
import com.privacyplatform.dsr.request.RequestRequests.ExtensionRequest;
import com.privacyplatform.dsr.support.Details;
import com.privacyplatform.dsr.task.TaskRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One justified extension of a request's deadline, decided by the platform's compliance officer
 * (a partner that needs more time asks the officer): only where the policy allows one, only once,
 * only before the current deadline passes, never beyond the policy's limit; the reason is told to
 * the subject (timeline, request view, {@code dsr.extended}).
 */
@ApplicationScoped
public class Extensions {

    private final RequestRepository requests;
    private final TaskRepository tasks;
    private final Deadlines deadlines;
    private final Outbox outbox;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final Caller caller;

    public Extensions(RequestRepository requests, TaskRepository tasks, Deadlines deadlines, Outbox outbox,
            Timeline timeline, AuditTrail audit, Caller caller) {
        this.requests = requests;
        this.tasks = tasks;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.timeline = timeline;
        this.audit = audit;
        this.caller = caller;
    }

    @Enforces(value = {"3.5.b", "3.5.c"},
            note = "deadlines are extended at most once, with a reason, within the law's limit")
    public Uni<DsrRequest> extend(UUID id, String ifMatch, ExtensionRequest body) {
        return requests.lock(id).chain(r -> {
            caller.requireVisible(r != null, "request");
            Versions.requireMatch(ifMatch, r.version);
            if (r.status != RequestStatus.OPEN) {
                throw ProblemException.conflict("the request is " + r.status + "; only an OPEN request's deadline"
                        + " can be extended");
            }
            DeadlinePolicy policy = deadlines.policies().byId(r.policyId);
            ExtensionDecision decision = deadlines.calculator().extend(policy, Times.utcDate(r.receivedAt),
                    r.jurisdiction, r.dueOn, r.extendedAt != null, Times.today(), body.days());
            if (!decision.granted()) {
                throw ProblemException.policy(r.type.clause, "extension-not-allowed", "Extension not allowed",
                        decision.refusal().detail + " (policy " + policy.id() + ")",
                        List.of(new Problem.FieldError(body.days() == null ? "reason" : "days",
                                decision.refusal().name().toLowerCase(Locale.ROOT).replace('_', ' '))));
            }
            return apply(r, decision.dueOn(), body.reason().strip());
        });
    }

    private Uni<DsrRequest> apply(DsrRequest r, LocalDate dueOn, String reason) {
        LocalDate previous = r.dueOn;
        r.dueOn = dueOn;
        r.extendedAt = Times.now();
        r.extensionReason = reason;
        r.extendedBy = caller.auditActor().actor();
        r.updatedAt = r.extendedAt;
        DsrEvents.Extended event = new DsrEvents.Extended(r.id, r.subjectId, previous, dueOn, reason);
        return tasks.ofRequest(r.id)
                .invoke(list -> list.stream().filter(t -> !t.status.isResolved()).forEach(t -> {
                    t.dueOn = dueOn;
                    t.updatedAt = r.updatedAt;
                }))
                .chain(() -> outbox.publish(DsrEvents.EXTENDED, r.id.toString(), event))
                .call(() -> timeline.add(r.id, Timeline.EXTENDED, r.extendedBy,
                        Details.of("previousDueOn", previous, "dueOn", dueOn, "reason", reason)))
                .call(() -> audit.record(caller.auditActor(), "dsr-request.extended", "dsr-request", r.id.toString(),
                        Details.of("previousDueOn", previous, "dueOn", dueOn)))
                .call(() -> requests.flush())
                .replaceWith(r);
    }
}

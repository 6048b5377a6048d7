package com.privacyplatform.dsr.request;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.commons.time.Utc;
import com.privacyplatform.dsr.deadline.DeadlineCalculator.ExtensionDecision;
import com.privacyplatform.dsr.deadline.DeadlineCalculator.Refusal;
import com.privacyplatform.dsr.deadline.DeadlineRules;
import com.privacyplatform.dsr.deadline.Deadlines;
import com.privacyplatform.dsr.events.DsrEvents;
import com.privacyplatform.dsr.request.RequestRequests.ExtensionRequest;
import com.privacyplatform.dsr.support.Details;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.TaskKind;
import com.privacyplatform.dsr.task.TaskRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One justified extension of a request's deadlines, decided by the platform's compliance officer
 * (a partner that needs more time asks the officer): once per request, only before the current
 * deadline passes; each open partner task moves only where its law allows and never beyond the limit
 * of any jurisdiction it rests on (a task under a law without extension keeps its deadline, and so may
 * hold the request's). Recipient tasks are never extended. The reason is told to the subject
 * (timeline, request view, {@code dsr.extended}).
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
    private final PlatformClock clock;
    private final Changes changes;

    public Extensions(RequestRepository requests, TaskRepository tasks, Deadlines deadlines, Outbox outbox,
            Timeline timeline, AuditTrail audit, Caller caller, PlatformClock clock, Changes changes) {
        this.changes = changes;
        this.requests = requests;
        this.tasks = tasks;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.timeline = timeline;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @Enforces(value = {"3.5.b", "3.5.c"},
            note = "deadlines are extended at most once, with a reason, within every applicable law's limit")
    public Uni<DsrRequest> extend(UUID id, String ifMatch, ExtensionRequest body) {
        Uni<DsrRequest> locked = requests.lock(id).invoke(r -> caller.requireVisible(r != null, "request"));
        return changes.apply(locked, r -> r.version, ifMatch, r -> {
            if (r.status != RequestStatus.OPEN) {
                throw ProblemException.conflict("the request is " + r.status + "; only an OPEN request's deadline"
                        + " can be extended");
            }
            return tasks.ofRequest(r.id).chain(list -> {
                List<DsrTask> open = list.stream()
                        .filter(t -> t.kind == TaskKind.PARTNER && !t.status.isResolved()).toList();
                return Changes.trailedBy(apply(r, open, decide(r, open, body), body.reason().strip()));
            });
        });
    }

    /**
     * Each open partner task moves within its own deadline's limit (every jurisdiction it rests on); a task
     * whose law allows no extension keeps its deadline. A request without open partner tasks (a revocation)
     * moves by its own. Refused as a whole when it was extended before, a deadline already passed, the
     * days go beyond a limit, or nothing can move. The result maps each moved task (or null: the request).
     */
    private Map<DsrTask, LocalDate> decide(DsrRequest r, List<DsrTask> open, ExtensionRequest body) {
        LocalDate receivedOn = Utc.date(r.receivedAt);
        LocalDate today = clock.today();
        if (r.extendedAt != null) {
            throw refused(r, Refusal.ALREADY_EXTENDED, body, List.of(r.policyId));
        }
        Map<DsrTask, LocalDate> moves = new LinkedHashMap<>();
        if (open.isEmpty()) {
            ExtensionDecision d = deadlines.rules().extend(r.policyId, r.jurisdiction, receivedOn, r.dueOn,
                    r.latestDueOn, today, body.days());
            if (!d.granted()) {
                throw refused(r, d.refusal(), body, List.of(r.policyId));
            }
            moves.put(null, d.dueOn());
            return moves;
        }
        Refusal worst = null;
        for (DsrTask t : open) {
            ExtensionDecision d = deadlines.rules().extend(t.policyId, t.jurisdiction, receivedOn, t.dueOn,
                    t.latestDueOn, today, body.days());
            if (d.granted()) {
                moves.put(t, d.dueOn());
            } else if (d.refusal() != Refusal.NOT_ALLOWED_BY_POLICY) {
                worst = worst == null || d.refusal() == Refusal.TOO_LATE ? d.refusal() : worst;
            }
        }
        List<String> policies = open.stream().map(t -> t.policyId).distinct().sorted().toList();
        if (worst != null || moves.isEmpty()) {
            throw refused(r, worst != null ? worst : Refusal.NOT_ALLOWED_BY_POLICY, body, policies);
        }
        return moves;
    }

    private static ProblemException refused(DsrRequest r, Refusal refusal, ExtensionRequest body,
            List<String> policies) {
        return ProblemException.policy(r.type.clause, "extension-not-allowed", "Extension not allowed",
                refusal.detail + " (" + (policies.size() == 1 ? "policy " : "policies ") + String.join(", ", policies)
                        + ")",
                List.of(new Problem.FieldError(body.days() == null ? "reason" : "days",
                        refusal.name().toLowerCase(Locale.ROOT).replace('_', ' '))));
    }

    private Uni<DsrRequest> apply(DsrRequest r, List<DsrTask> open, Map<DsrTask, LocalDate> moves, String reason) {
        LocalDate previous = r.dueOn;
        r.extendedAt = clock.now();
        r.extensionReason = reason;
        r.extendedBy = caller.auditActor().actor();
        r.updatedAt = r.extendedAt;
        moves.forEach((t, due) -> {
            if (t != null) {
                t.dueOn = due;
                t.dueAt = DeadlineRules.endOf(due);
                t.updatedAt = r.updatedAt;
            }
        });
        // the request's due date stays the earliest of its open partner tasks' (one without extension may hold it)
        LocalDate dueOn = open.isEmpty() ? moves.get(null)
                : open.stream().map(t -> t.dueOn).min(Comparator.naturalOrder()).orElseThrow();
        r.dueOn = dueOn;
        DsrEvents.Extended event = new DsrEvents.Extended(r.id, r.subjectId, previous, dueOn, reason);
        return outbox.publish(DsrEvents.EXTENDED, r.id.toString(), event)
                .call(() -> timeline.add(r.id, Timeline.EXTENDED, r.extendedBy,
                        Details.of("previousDueOn", previous, "dueOn", dueOn, "reason", reason)))
                .call(() -> audit.record(caller.auditActor(), "dsr-request.extended", "dsr-request", r.id.toString(),
                        Details.of("previousDueOn", previous, "dueOn", dueOn, "tasksExtended", moves.size())))
                .call(() -> requests.flush())
                .replaceWith(r);
    }
}

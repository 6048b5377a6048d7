package com.privacyplatform.dsr.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.attestation.AttestationIssuer;
import com.privacyplatform.dsr.events.DsrEvents;
import com.privacyplatform.dsr.export.ExportService;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestRepository;
import com.privacyplatform.dsr.request.Timeline;
import com.privacyplatform.dsr.support.Details;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.Evidence;
import com.privacyplatform.dsr.task.TaskStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A partner's work on a task: claim, complete with evidence, reject with a legal basis. The request
 * row is locked first, so the last task resolved completes the request exactly once. Independent
 * of the HTTP caller (the resource checks who may act). Call inside a transaction.
 */
@ApplicationScoped
public class TaskWork {

    private final RequestRepository requests;
    private final ExportService exports;
    private final Completion completion;
    private final Outbox outbox;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final AttestationIssuer attestations;
    private final PlatformClock clock;

    public TaskWork(RequestRepository requests, ExportService exports, Completion completion, Outbox outbox,
            Timeline timeline, AuditTrail audit, ObjectMapper mapper, AttestationIssuer attestations,
            PlatformClock clock) {
        this.attestations = attestations;
        this.requests = requests;
        this.exports = exports;
        this.completion = completion;
        this.outbox = outbox;
        this.timeline = timeline;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Uni<DsrTask> claim(DsrTask t, AuditActor actor) {
        return requests.lock(t.requestId).chain(r -> {
            if (t.status != TaskStatus.OPEN) {
                throw ProblemException.conflict("the task is " + t.status + "; only an OPEN task can be claimed");
            }
            t.status = TaskStatus.CLAIMED;
            t.claimedAt = clock.now();
            t.claimedBy = actor.actor();
            t.updatedAt = t.claimedAt;
            return timeline.add(r.id, t.id, t.partnerId, Timeline.TASK_CLAIMED, actor.actor(), null)
                    .call(() -> audit.record(actor, "dsr-task.claimed", "dsr-task", t.id.toString(), null))
                    .replaceWith(t);
        });
    }

    /** @param export ACCESS only: the subject's data, sealed and stored with an expiry */
    @Enforces(value = {"3.5.b", "3.5.c"}, note = "tasks complete with evidence; the request when all tasks have")
    public Uni<DsrTask> complete(DsrTask t, Evidence evidence, JsonNode export, AuditActor actor) {
        return requests.lock(t.requestId).chain(r -> {
            requireUnresolved(t);
            Uni<Evidence> withReceipt = export == null ? Uni.createFrom().item(evidence)
                    : exports.store(t, export).map(e -> new Evidence(null, null, null,
                            new Evidence.ExportReceipt(e.sizeBytes, e.expiresAt.toInstant()), evidence.note()));
            // 3.5.c: a completed deletion is attested (signed) in the same transaction
            return withReceipt.chain(stored -> resolve(r, t, TaskStatus.COMPLETED, json(stored), null, null, actor))
                    .call(done -> attestations.issueIfDeletion(r, done, evidence, actor));
        });
    }

    /** A rejection names its legal basis (e.g. a retention obligation) and why; the subject sees both. */
    public Uni<DsrTask> reject(DsrTask t, String legalBasis, String explanation, AuditActor actor) {
        return requests.lock(t.requestId).chain(r -> {
            requireUnresolved(t);
            return resolve(r, t, TaskStatus.REJECTED, null, legalBasis, explanation, actor);
        });
    }

    /**
     * 3.5.c, 3.5.d: a DELETION task's rejection does not end the task; it waits for the compliance
     * officer's review (REJECTION_IN_REVIEW), announced in the timeline and by
     * {@code dsr.task-rejection-requested}.
     */
    @Enforces(value = {"3.5.c", "3.5.d"}, note = "a partner's refusal to delete waits for the officer's review")
    public Uni<DsrTask> requestRejection(DsrTask t, String legalBasis, String explanation, UUID retentionBasisId,
            AuditActor actor) {
        return requests.lock(t.requestId).chain(r -> {
            requireUnresolved(t);
            t.status = TaskStatus.REJECTION_IN_REVIEW;
            t.rejectionLegalBasis = legalBasis;
            t.rejectionExplanation = explanation;
            t.rejectionRetentionBasisId = retentionBasisId;
            t.rejectionRequestedAt = clock.now();
            t.rejectionRequestedBy = actor.actor();
            t.updatedAt = t.rejectionRequestedAt;
            String detail = Details.of("legalBasis", legalBasis, "retentionBasisId", retentionBasisId);
            return outbox.publish(DsrEvents.TASK_REJECTION_REQUESTED, r.id.toString(),
                            new DsrEvents.TaskRejectionRequested(t.id, r.id, t.partnerId, legalBasis, retentionBasisId,
                                    t.rejectionRequestedAt.toInstant()))
                    .call(() -> timeline.add(r.id, t.id, t.partnerId, Timeline.TASK_REJECTION_REQUESTED, actor.actor(),
                            detail))
                    .call(() -> audit.record(actor, "dsr-task.rejection-requested", "dsr-task", t.id.toString(),
                            detail))
                    .replaceWith(t);
        });
    }

    /**
     * The officer approved the rejection under review: the task is REJECTED as of the partner's answer
     * (so {@code late} measures the partner), the subject sees the basis, the explanation and the note.
     * Call with the request locked.
     */
    Uni<DsrTask> approveRejection(DsrRequest r, DsrTask t, AuditActor officer) {
        t.status = TaskStatus.REJECTED;
        t.resolvedAt = t.rejectionRequestedAt;
        t.resolvedBy = t.rejectionRequestedBy;
        t.updatedAt = clock.now();
        return finish(r, t, TaskStatus.REJECTED, t.rejectionLegalBasis, officer);
    }

    private Uni<DsrTask> resolve(DsrRequest r, DsrTask t, TaskStatus status, String evidence, String legalBasis,
            String explanation, AuditActor actor) {
        t.status = status;
        t.evidence = evidence;
        t.rejectionLegalBasis = legalBasis;
        t.rejectionExplanation = explanation;
        t.resolvedAt = clock.now();
        t.resolvedBy = actor.actor();
        t.updatedAt = t.resolvedAt;
        return finish(r, t, status, legalBasis, actor);
    }

    private Uni<DsrTask> finish(DsrRequest r, DsrTask t, TaskStatus status, String legalBasis, AuditActor actor) {
        DsrEvents.TaskCompleted event = new DsrEvents.TaskCompleted(t.id, r.id, t.partnerId, status.name(), legalBasis,
                t.isLate(), t.resolvedAt.toInstant());
        String detail = legalBasis == null ? "{\"late\":" + t.isLate() + "}"
                : "{\"legalBasis\":\"" + legalBasis + "\",\"late\":" + t.isLate() + "}";
        String kind = status == TaskStatus.COMPLETED ? Timeline.TASK_COMPLETED : Timeline.TASK_REJECTED;
        return outbox.publish(DsrEvents.TASK_COMPLETED, r.id.toString(), event)
                .call(() -> timeline.add(r.id, t.id, t.partnerId, kind, actor.actor(), detail))
                .call(() -> audit.record(actor, status == TaskStatus.COMPLETED ? "dsr-task.completed"
                        : "dsr-task.rejected", "dsr-task", t.id.toString(), detail))
                .call(() -> completion.completeIfDone(r, actor))
                .replaceWith(t);
    }

    private static void requireUnresolved(DsrTask t) {
        if (t.status.isResolved()) {
            throw ProblemException.conflict("the task is already " + t.status);
        }
        if (t.status == TaskStatus.REJECTION_IN_REVIEW) {
            throw ProblemException.conflict("the task's rejection waits for the compliance officer's review");
        }
    }

    private String json(Evidence evidence) {
        try {
            return mapper.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

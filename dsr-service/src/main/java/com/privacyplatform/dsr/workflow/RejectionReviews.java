package com.privacyplatform.dsr.workflow;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.events.DsrEvents;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestRepository;
import com.privacyplatform.dsr.request.Timeline;
import com.privacyplatform.dsr.support.Details;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.TaskStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * 3.5.c, 3.5.d: the compliance officer's decision on a partner's rejection of a deletion task.
 * Approved: the task is REJECTED and the subject is told why (request view, timeline). Refused: the
 * task is OPEN again and the partner reads the officer's note. The request row is locked first, as
 * for any work on its tasks. Call inside a transaction.
 */
@ApplicationScoped
public class RejectionReviews {

    public static final String APPROVED = "APPROVED";
    public static final String REFUSED = "REFUSED";

    private final RequestRepository requests;
    private final TaskWork work;
    private final Outbox outbox;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final PlatformClock clock;

    public RejectionReviews(RequestRepository requests, TaskWork work, Outbox outbox, Timeline timeline,
            AuditTrail audit, PlatformClock clock) {
        this.requests = requests;
        this.work = work;
        this.outbox = outbox;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    @Enforces(value = {"3.5.c", "3.5.d"}, note = "a refusal to delete holds only once the officer approved it")
    public Uni<DsrTask> decide(DsrTask t, boolean approve, String note, AuditActor officer) {
        return requests.lock(t.requestId).chain(r -> {
            if (t.status != TaskStatus.REJECTION_IN_REVIEW) {
                throw ProblemException.conflict("the task is " + t.status + "; only a rejection in review is"
                        + " approved or refused");
            }
            t.reviewDecision = approve ? APPROVED : REFUSED;
            t.reviewNote = note;
            t.reviewedBy = officer.actor();
            t.reviewedAt = clock.now();
            String detail = Details.of("decision", t.reviewDecision, "note", note);
            Uni<Void> recorded = audit.record(officer, approve ? "dsr-task.rejection-approved"
                    : "dsr-task.rejection-refused", "dsr-task", t.id.toString(),
                    Details.of("decision", t.reviewDecision));
            return approve ? recorded.chain(() -> work.approveRejection(r, t, officer))
                    : recorded.chain(() -> reopen(r, t, note, officer, detail));
        });
    }

    private Uni<DsrTask> reopen(DsrRequest r, DsrTask t, String note, AuditActor officer, String detail) {
        t.status = TaskStatus.OPEN;
        t.claimedAt = null;
        t.claimedBy = null;
        t.rejectionLegalBasis = null;
        t.rejectionExplanation = null;
        t.rejectionRetentionBasisId = null;
        t.updatedAt = t.reviewedAt;
        return outbox.publish(DsrEvents.TASK_REOPENED, r.id.toString(), new DsrEvents.TaskReopened(t.id, r.id,
                        t.partnerId, note, t.reviewedAt.toInstant()))
                .call(() -> timeline.add(r.id, t.id, t.partnerId, Timeline.TASK_REOPENED, officer.actor(), detail))
                .replaceWith(t);
    }
}

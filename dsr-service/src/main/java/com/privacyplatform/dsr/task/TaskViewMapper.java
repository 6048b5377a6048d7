package com.privacyplatform.dsr.task;

import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.commons.time.Utc;
import com.privacyplatform.dsr.request.Correction;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestViewMapper;
import com.privacyplatform.dsr.request.RequestViews.RecipientView;
import com.privacyplatform.dsr.request.RequestViews.RejectionView;
import com.privacyplatform.dsr.task.TaskViews.ReviewView;
import com.privacyplatform.dsr.task.TaskViews.TaskView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Task views for the partner that owns them: the values it must act on are in clear (its own task). */
@ApplicationScoped
public class TaskViewMapper {

    private final RequestViewMapper requests;
    private final PlatformClock clock;

    public TaskViewMapper(RequestViewMapper requests, PlatformClock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** @param r the task's request for the single-task read (origin, corrections); null in lists */
    public TaskView view(DsrTask t, DsrRequest r, List<Correction> corrections) {
        RecipientView recipient = t.recipientName == null ? null : new RecipientView(t.recipientName,
                t.recipientCountry);
        RejectionView rejection = RejectionView.of(t);
        ReviewView review = t.reviewDecision == null ? null : new ReviewView(t.reviewDecision, t.reviewNote,
                t.reviewedBy, t.reviewedAt.toInstant());
        return new TaskView(t.id, t.requestId, t.partnerId, t.subjectId, t.type, t.kind, r == null ? null : r.origin,
                instruction(t), recipient, t.categories, t.purposes, t.retainedCategories, corrections, t.status,
                t.policyId, t.jurisdiction, t.jurisdictions, t.dueOn, t.dueAt.toInstant(), t.isOverdue(clock.now()),
                Utc.instant(t.claimedAt), t.claimedBy,
                Utc.instant(t.resolvedAt), t.isLate(), requests.json(t.evidence), rejection, review,
                t.createdAt.toInstant(), t.version);
    }

    static String instruction(DsrTask t) {
        if (t.status == TaskStatus.EXEMPT) {
            return "Exempt: a recorded retention basis covers this data (3.5.d); nothing to do.";
        }
        if (t.status == TaskStatus.REJECTION_IN_REVIEW) {
            return "Your rejection waits for the compliance officer's review (3.5.c, 3.5.d); approved, the task is"
                    + " rejected; refused, it opens again with the officer's note.";
        }
        if (t.kind == TaskKind.RECIPIENT) {
            return "Stop disclosing the subject's data to this recipient at once and notify it to delete the data it"
                    + " received (3.5.c.b-c), by dueAt; complete with a notice.";
        }
        return switch (t.type) {
            case ACCESS -> "Deliver an export of the subject's data you hold (3.5.a); complete with the export.";
            case CORRECTION -> "Apply the corrections promptly (3.5.b); complete with a correction record.";
            case DELETION -> "Delete the subject's data in the listed categories promptly (3.5.c, 3.5.d); complete"
                    + " with a deletion statement: what, where, when, by whom.";
            case REVOKE_AUTHORIZATION -> "Stop processing on the revoked authorizations (3.5.a).";
        };
    }
}

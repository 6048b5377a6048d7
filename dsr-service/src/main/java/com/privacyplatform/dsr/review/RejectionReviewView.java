package com.privacyplatform.dsr.review;

import com.privacyplatform.commons.time.Utc;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.TaskKind;
import com.privacyplatform.dsr.task.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's rejection of a deletion task as the compliance officer reviews it (3.5.c, 3.5.d). */
@Schema(name = "RejectionReview", description = "A partner's rejection of a deletion task, for the officer's review:"
        + " REJECTION_IN_REVIEW until decided; then REJECTED (approved) or OPEN again (refused)")
public record RejectionReviewView(UUID taskId, UUID requestId, UUID partnerId, String subjectId, RequestType type,
        TaskKind kind, List<String> categories, TaskStatus status, String legalBasis, String explanation,
        UUID retentionBasisId, Instant requestedAt, String requestedBy, Instant dueAt, String decision, String note,
        String reviewedBy, Instant reviewedAt, long version) {

    static RejectionReviewView of(DsrTask t, String legalBasis, String explanation, UUID retentionBasisId) {
        return new RejectionReviewView(t.id, t.requestId, t.partnerId, t.subjectId, t.type, t.kind, t.categories,
                t.status, legalBasis, explanation, retentionBasisId, Utc.instant(t.rejectionRequestedAt),
                t.rejectionRequestedBy, t.dueAt.toInstant(), t.reviewDecision, t.reviewNote, t.reviewedBy,
                Utc.instant(t.reviewedAt), t.version);
    }

    static RejectionReviewView of(DsrTask t) {
        return of(t, t.rejectionLegalBasis, t.rejectionExplanation, t.rejectionRetentionBasisId);
    }
}

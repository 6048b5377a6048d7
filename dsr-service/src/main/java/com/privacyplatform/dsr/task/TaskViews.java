package com.privacyplatform.dsr.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.dsr.request.Correction;
import com.privacyplatform.dsr.request.RequestOrigin;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.request.RequestViews.RecipientView;
import com.privacyplatform.dsr.request.RequestViews.RejectionView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the partner's work queue. */
public final class TaskViews {

    private TaskViews() {
    }

    @Schema(name = "Task", description = "A partner's task. `corrections` (CORRECTION) are the values to apply, in"
            + " clear for the partner that must act on them; `origin` and `corrections` appear on the single-task"
            + " read.")
    public record TaskView(
            UUID id,
            UUID requestId,
            UUID partnerId,
            String subjectId,
            RequestType type,
            TaskKind kind,
            RequestOrigin origin,
            String instruction,
            RecipientView recipient,
            List<String> categories,
            List<String> purposes,
            List<String> retainedCategories,
            List<Correction> corrections,
            TaskStatus status,
            @Schema(description = "The deadline table row of this task's deadline: the earliest of the jurisdictions"
                    + " of the consents it rests on; null for a RECIPIENT task (its own short deadline)")
            String policyId,
            @Schema(description = "The jurisdiction of that row; null where none is known") String jurisdiction,
            @Schema(description = "Every known jurisdiction of the consents the task rests on")
            List<String> jurisdictions,
            LocalDate dueOn,
            @Schema(description = "The deadline's last instant: the end of the due day (UTC), or for a RECIPIENT task"
                    + " receipt + dsr.recipient-deadline") Instant dueAt,
            boolean overdue,
            Instant claimedAt,
            String claimedBy,
            Instant resolvedAt,
            boolean late,
            JsonNode evidence,
            RejectionView rejection,
            @Schema(description = "The compliance officer's decision on the partner's last rejection (deletion"
                    + " tasks): REFUSED reopened the task, the note says why") ReviewView review,
            Instant createdAt,
            long version) {
    }

    @Schema(name = "RejectionReviewDecision")
    public record ReviewView(String decision, String note, String reviewedBy, Instant reviewedAt) {
    }
}

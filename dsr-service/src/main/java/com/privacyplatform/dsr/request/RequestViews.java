package com.privacyplatform.dsr.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.TaskKind;
import com.privacyplatform.dsr.task.TaskStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the request endpoints. */
public final class RequestViews {

    private RequestViews() {
    }

    @Schema(name = "Request", description = "A data-subject request with its deadline, tasks and progress."
            + " Correction values are masked (3.2.d) for everyone but the subject and the submitting partner.")
    public record RequestView(
            UUID id,
            String subjectId,
            RequestType type,
            RequestOrigin origin,
            RequestStatus status,
            RequestOutcome outcome,
            @Schema(description = "The jurisdiction whose law set the due date: the consents' (the partner's where a"
                    + " consent names none) of its earliest task. Never the submitter's choice; null where none is"
                    + " known",
                    examples = "DE") String jurisdiction,
            @Schema(description = "Every jurisdiction the deadlines of its tasks follow") List<String> jurisdictions,
            @Schema(description = "The deadline table row of the due date") PolicyView policy,
            Instant submittedAt,
            @Schema(description = "When the clock started: submission, or the subject's confirmation")
            Instant receivedAt,
            @Schema(description = "Receipt confirmed (the platform confirms on receipt) where the policy requires it")
            Instant receiptConfirmedAt,
            LocalDate receiptConfirmationDueOn,
            @Schema(description = "The earliest due day of its partner tasks still open (recipient tasks have their"
                    + " own, shorter deadline)") LocalDate dueOn,
            @Schema(description = "The deadline's last instant (end of the due day, UTC)") Instant dueAt,
            LocalDate originalDueOn,
            boolean overdue,
            ExtensionView extension,
            UUID linkedRequestId,
            UUID onBehalfOfPartnerId,
            List<UUID> partnerIds,
            List<Correction> corrections,
            List<TaskSummaryView> tasks,
            RevocationView revocation,
            ExportSummaryView export,
            Instant completedAt,
            Instant updatedAt,
            long version) {
    }

    @Schema(name = "RequestSummary")
    public record RequestSummaryView(UUID id, String subjectId, RequestType type, RequestOrigin origin,
            RequestStatus status, RequestOutcome outcome, String jurisdiction, String policyId, Instant submittedAt,
            LocalDate dueOn, boolean overdue, boolean extended, UUID linkedRequestId, Instant completedAt) {
    }

    @Schema(name = "DeadlinePolicyRef")
    public record PolicyView(String id, String law, String version) {
    }

    @Schema(name = "Extension", description = "The one extension, with the reason told to the subject")
    public record ExtensionView(String reason, Instant extendedAt, LocalDate previousDueOn) {
    }

    @Schema(name = "TaskSummary", description = "A task with its own deadline: from the jurisdictions of the"
            + " consents it rests on (policy, jurisdiction), or for a RECIPIENT task dsr.recipient-deadline after"
            + " receipt (no policy)")
    public record TaskSummaryView(UUID id, UUID partnerId, TaskKind kind, RecipientView recipient,
            List<String> categories, List<String> retainedCategories, TaskStatus status, String policyId,
            String jurisdiction, List<String> jurisdictions, LocalDate dueOn, Instant dueAt, boolean overdue,
            Instant resolvedAt, boolean late, JsonNode evidence, RejectionView rejection) {
    }

    @Schema(name = "Recipient")
    public record RecipientView(String name, String country) {
    }

    @Schema(name = "Rejection", description = "Why the partner did not act: its legal basis and explanation; a"
            + " deletion task's rejection holds once the compliance officer approved it (3.5.c, 3.5.d)")
    public record RejectionView(String legalBasis, String explanation,
            @Schema(description = "The partner's recorded retention basis it cites, if any") UUID retentionBasisId,
            @Schema(description = "When the officer approved it (deletion tasks)") Instant approvedAt,
            @Schema(description = "The officer's note on the approval") String reviewNote) {

        public static RejectionView of(DsrTask t) {
            boolean approved = "APPROVED".equals(t.reviewDecision);
            return t.rejectionLegalBasis == null ? null : new RejectionView(t.rejectionLegalBasis,
                    t.rejectionExplanation, t.rejectionRetentionBasisId, approved ? t.reviewedAt.toInstant() : null,
                    approved ? t.reviewNote : null);
        }
    }

    @Schema(name = "RevocationProgress", description = "REVOKE_AUTHORIZATION: consents targeted and confirmed revoked")
    public record RevocationView(long consents, long confirmed) {
    }

    @Schema(name = "ExportSummary", description = "ACCESS: exports delivered and until when the subject can download")
    public record ExportSummaryView(int parts, boolean available, Instant expiresAt) {
    }

    @Schema(name = "TimelineEntry")
    public record TimelineEntryView(Instant at, String kind, String actor, UUID taskId, UUID partnerId,
            JsonNode detail) {
    }
}

package com.privacyplatform.registry.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the audit endpoints (4.1-4.5). */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    @Schema(name = "Audit", description = "An audit of a partner (4.1), possibly by a third party (4.2).")
    public record AuditView(
            UUID id,
            UUID partnerId,
            AssessmentStatus status,
            Instant scheduledStart,
            @Schema(description = "4.4: when the partner was given notice (the audit's creation)")
            Instant noticeGivenAt,
            String scope,
            String thirdPartyAuditor,
            List<FindingView> findings,
            String closureSummary,
            Instant closedAt,
            @Schema(description = "4.5: PLATFORM if no material defect was found, PARTNER otherwise; set on closure")
            CostBearer costBearer,
            String scheduledBy,
            Instant createdAt,
            Instant updatedAt,
            long version) {
    }

    @Schema(name = "AuditFinding")
    public record FindingView(
            UUID id,
            UUID auditId,
            UUID partnerId,
            FindingSeverity severity,
            boolean material,
            String description,
            LocalDate rectificationDue,
            FindingStatus status,
            @Schema(description = "4.3: past its rectification deadline and still awaiting the partner")
            boolean overdue,
            String rectificationSummary,
            Instant rectificationSubmittedAt,
            String verificationNote,
            Instant verifiedAt,
            Instant recordedAt,
            long version) {
    }
}

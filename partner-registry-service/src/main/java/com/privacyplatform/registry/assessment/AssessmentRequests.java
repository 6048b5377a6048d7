package com.privacyplatform.registry.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the audit endpoints (4.1-4.5). */
public final class AssessmentRequests {

    private AssessmentRequests() {
    }

    @Schema(name = "ScheduleAuditRequest", description = "4.4: the start must leave at least"
            + " registry.audit.minimum-notice (default P14D) of advance notice.")
    public record ScheduleRequest(
            @NotNull @Schema(description = "RFC 3339 with offset", examples = "2026-12-15T09:00:00Z")
            OffsetDateTime scheduledStart,
            @NotBlank @Size(max = 2000)
            @Schema(examples = "Access control and data retention of the order-processing systems") String scope,
            @Size(max = 200) @Schema(description = "4.2: the independent firm auditing on the platform's behalf",
                    examples = "Example Assurance LLP") String thirdPartyAuditor) {
    }

    @Schema(name = "AuditFindingRequest")
    public record FindingRequest(
            @NotNull FindingSeverity severity,
            @NotNull @Schema(description = "4.5: a material defect in the processing of users' personal information")
            Boolean material,
            @NotBlank @Size(max = 4000) @Schema(examples = "Backups of the customer database are not encrypted")
            String description,
            @NotNull @Schema(description = "4.3: rectify by this day (UTC); must lie in the future",
                    examples = "2027-01-31") LocalDate rectificationDue) {
    }

    @Schema(name = "RectificationRequest", description = "4.3: what the partner did to rectify the finding.")
    public record RectificationRequest(
            @NotBlank @Size(max = 4000) @Schema(examples = "Backups are now encrypted with KMS-managed keys")
            String summary) {
    }

    @Schema(name = "VerificationRequest", description = "The officer accepts the rectification or reopens the"
            + " finding; a note is required when reopening.")
    public record VerificationRequest(
            @NotNull Boolean accepted,
            @Size(max = 4000) String note) {
    }

    @Schema(name = "AuditClosureRequest")
    public record ClosureRequest(
            @NotBlank @Size(max = 4000) @Schema(examples = "Fieldwork complete; one material finding rectified")
            String summary) {
    }
}

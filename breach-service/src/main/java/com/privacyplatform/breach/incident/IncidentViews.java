package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.assessment.Severity;
import com.privacyplatform.breach.assessment.SeverityReason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the incident endpoints; free text is masked for viewers other than the reporting partner. */
public final class IncidentViews {

    private IncidentViews() {
    }

    @Schema(name = "SeverityOverride")
    public record OverrideView(Severity severity, String justification, String by, Instant at) {
    }

    @Schema(name = "Assessment", description = "The derived severity with its reasons, and an officer's override.")
    public record AssessmentView(Severity derivedSeverity, List<SeverityReason> reasons, OverrideView override) {
    }

    @Schema(name = "DutySummary")
    public record DutySummary(
            @Schema(description = "Duties still pending") long pending,
            @Schema(description = "Pending duties past their due time") long overdue,
            @Schema(description = "The earliest due time of a pending duty") Instant nextDueAt) {

        public static final DutySummary NONE = new DutySummary(0, 0, null);
    }

    @Schema(name = "Incident")
    public record IncidentView(
            UUID id,
            UUID partnerId,
            IncidentState state,
            IncidentKind kind,
            @Schema(description = "Effective severity: the override if any, else the derived one") Severity severity,
            Instant discoveredAt,
            Instant occurredAt,
            Instant reportedAt,
            @Schema(description = "5.1: reported later than the grace after discoveredAt") boolean lateReport,
            @Schema(description = "reportedAt - discoveredAt, ISO 8601", examples = "PT30H5M") String reportDelay,
            String description,
            List<String> categories,
            @Schema(description = "The reported categories that are personal sensitive information (2.2)")
            List<String> sensitiveCategories,
            boolean sensitiveDataInvolved,
            Boolean dataEncrypted,
            Long affectedSubjects,
            String containmentMeasures,
            List<String> jurisdictions,
            @Schema(description = "Jurisdictions the duty table has no rules for: check them by hand")
            List<String> unmodelledJurisdictions,
            AssessmentView assessment,
            DutySummary duties,
            int updates,
            Instant closedAt,
            String remediationSummary,
            Instant createdAt,
            Instant updatedAt,
            long version) {
    }
}

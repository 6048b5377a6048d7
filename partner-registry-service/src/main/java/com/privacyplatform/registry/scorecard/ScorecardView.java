package com.privacyplatform.registry.scorecard;

import com.privacyplatform.api.events.PartnerStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Scorecard", description = "4.6: a partner's compliance risk with the reasons and the inputs it is"
        + " computed from, as of computedAt. openBreaches, lateBreachReports and overdueRequests come from"
        + " breach-service and dsr-service events.")
public record ScorecardView(
        UUID partnerId,
        String legalName,
        PartnerStatus partnerStatus,
        RiskLevel riskLevel,
        @Schema(description = "One entry per rule that fired: [clause] rule: fact -> level")
        List<String> reasons,
        @Schema(description = "3.4.e: next self-inspection due; null unless the partner is ACTIVE or SUSPENDED")
        LocalDate inspectionDueOn,
        LocalDate lastInspectionPeriodEnd,
        long inspectionDaysOverdue,
        @Schema(description = "Audit findings not verified yet") long openAuditFindings,
        @Schema(description = "4.3: findings past the rectification deadline, still awaiting the partner")
        long overdueAuditFindings,
        long overdueMaterialFindings,
        long overdueCriticalFindings,
        @Schema(description = "Open incidents reported by breach-service") long openBreaches,
        @Schema(description = "Incidents reported late to the platform (5.1)") long lateBreachReports,
        @Schema(description = "Overdue data-subject request tasks still open (dsr-service)")
        long overdueRequests,
        Instant computedAt) {
}

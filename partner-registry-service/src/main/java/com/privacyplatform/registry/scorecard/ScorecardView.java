package com.privacyplatform.registry.scorecard;

import com.privacyplatform.registry.partner.PartnerStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Scorecard", description = "4.6: a partner's compliance risk with the reasons and the inputs it is"
        + " computed from, as of computedAt. openBreaches, lateBreachReports and overdueRequests are always 0 for"
        + " now: they will be fed from breach-service and dsr-service events in later releases.")
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
        @Schema(description = "Not fed yet (always 0): open breaches from breach-service") long openBreaches,
        @Schema(description = "Not fed yet (always 0): breaches reported late (5.1)") long lateBreachReports,
        @Schema(description = "Not fed yet (always 0): overdue data-subject request tasks from dsr-service")
        long overdueRequests,
        Instant computedAt) {
}

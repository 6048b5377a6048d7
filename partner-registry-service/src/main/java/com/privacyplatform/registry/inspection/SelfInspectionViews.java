package com.privacyplatform.registry.inspection;

import com.privacyplatform.api.events.PartnerStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the self-inspection endpoints (3.4.e). */
public final class SelfInspectionViews {

    private SelfInspectionViews() {
    }

    @Schema(name = "SelfInspection")
    public record SelfInspectionView(
            UUID id,
            UUID partnerId,
            LocalDate periodStart,
            LocalDate periodEnd,
            List<ChecklistItemView> checklist,
            List<FindingView> findings,
            String summary,
            int failedItems,
            @Schema(description = "When the next self-inspection falls due if none covers a later period")
            LocalDate nextDueOn,
            String submittedBy,
            Instant submittedAt,
            long version) {
    }

    /** Also the stored JSON shape of a checklist item (read back by Jackson, hence registered). */
    @RegisterForReflection
    @Schema(name = "SelfInspectionChecklistItem")
    public record ChecklistItemView(InspectionArea area, String item, ChecklistResult result, String note) {
    }

    /** Also the stored JSON shape of a finding. */
    @RegisterForReflection
    @Schema(name = "SelfInspectionFinding")
    public record FindingView(String description, String rectification, LocalDate dueOn) {
    }

    @Schema(name = "OverdueSelfInspection", description = "3.4.e: an ACTIVE or SUSPENDED partner whose next"
            + " self-inspection is past due.")
    public record OverdueInspectionView(
            UUID partnerId,
            String legalName,
            PartnerStatus partnerStatus,
            @Schema(description = "End of the latest reported period; null when the partner never reported")
            LocalDate lastPeriodEnd,
            LocalDate dueOn,
            long daysOverdue) {
    }
}

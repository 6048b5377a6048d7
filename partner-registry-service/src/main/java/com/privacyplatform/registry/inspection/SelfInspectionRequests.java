package com.privacyplatform.registry.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the self-inspection endpoints (3.4.e). */
public final class SelfInspectionRequests {

    private SelfInspectionRequests() {
    }

    @Schema(name = "SelfInspectionRequest", description = "3.4.e: the annual self-inspection report of one period."
            + " The checklist must cover both SYSTEM_SECURITY and IMPLEMENTATION_OF_REQUIREMENTS; failed items"
            + " need findings with a rectification scheme (what will be done, by when).")
    public record SubmitRequest(
            @NotNull @Schema(examples = "2025-01-01") LocalDate periodStart,
            @NotNull @Schema(examples = "2025-12-31") LocalDate periodEnd,
            @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid ChecklistItemRequest> checklist,
            @Size(max = 200) @Schema(description = "Findings with their rectification; empty when nothing failed")
            List<@NotNull @Valid FindingRequest> findings,
            @Size(max = 4000) String summary) {

        public List<FindingRequest> findingsOrEmpty() {
            return findings == null ? List.of() : findings;
        }
    }

    @Schema(name = "SelfInspectionChecklistItemRequest")
    public record ChecklistItemRequest(
            @NotNull InspectionArea area,
            @NotBlank @Size(max = 300) @Schema(examples = "Access to production databases is reviewed quarterly")
            String item,
            @NotNull ChecklistResult result,
            @Size(max = 2000) String note) {
    }

    @Schema(name = "SelfInspectionFindingRequest", description = "A problem found and its rectification (3.4.e).")
    public record FindingRequest(
            @NotBlank @Size(max = 2000) @Schema(examples = "Two former employees still had VPN access")
            String description,
            @NotBlank @Size(max = 2000) @Schema(examples = "Revoke the accounts; automate leaver deprovisioning")
            String rectification,
            @NotNull @Schema(description = "When the rectification will be done; not before the period end",
                    examples = "2026-03-31") LocalDate dueOn) {
    }
}

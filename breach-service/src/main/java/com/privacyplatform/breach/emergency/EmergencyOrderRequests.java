package com.privacyplatform.breach.emergency;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class EmergencyOrderRequests {

    private EmergencyOrderRequests() {
    }

    @Schema(name = "EmergencyOrderRequest", description = "3.4.j: FLOW_RESTRAINT needs requestsPerSecond;"
            + " FREQUENCY_RESTRAINT needs requestsPerPeriod and period; the other kinds take neither.")
    public record OrderRequest(
            @NotNull @Schema(examples = "2b9ab027-cb68-523d-81ec-293ae3eaf63b") UUID partnerId,
            @Schema(description = "The incident that prompted it, if any; must be the partner's") UUID incidentId,
            @NotNull @Schema(examples = "FLOW_RESTRAINT") EmergencyOrderKind kind,
            @Positive @Max(1_000_000) @Schema(examples = "5") Integer requestsPerSecond,
            @Positive @Max(100_000_000) @Schema(examples = "100") Integer requestsPerPeriod,
            @Size(max = 40) @Schema(description = "ISO 8601 duration, PT1S to P1D", examples = "PT1M") String period,
            @Schema(description = "When the order ends by itself (RFC 3339); omit for until lifted",
                    examples = "2026-11-27T00:00:00Z") OffsetDateTime expiresAt,
            @NotBlank @Size(max = 2000) @Schema(examples = "Order export API leaks other customers' orders")
            String reason) {
    }

    @Schema(name = "LiftingRequest")
    public record LiftingRequest(
            @NotBlank @Size(max = 2000) @Schema(examples = "Fix deployed and verified") String reason) {
    }
}

package com.privacyplatform.breach.emergency;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EmergencyOrder")
public record EmergencyOrderView(
        UUID id,
        UUID partnerId,
        UUID incidentId,
        EmergencyOrderKind kind,
        Integer requestsPerSecond,
        Integer requestsPerPeriod,
        @Schema(examples = "PT1M") String period,
        Instant expiresAt,
        String reason,
        EmergencyOrderState state,
        String orderedBy,
        Instant orderedAt,
        Instant endedAt,
        String endedBy,
        String endReason,
        long version) {
}

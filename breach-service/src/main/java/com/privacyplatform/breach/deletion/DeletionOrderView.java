package com.privacyplatform.breach.deletion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeletionOrder")
public record DeletionOrderView(UUID id, UUID incidentId, UUID partnerId, List<String> categories, String reason,
        String orderedBy, Instant orderedAt) {
}

package com.privacyplatform.breach.deletion;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code breach.deletion-ordered} (subject = incident id): dsr-service consumes it from its queue
 * {@code dsr-service.breach-orders} and opens deletion work for the partner. The reason is masked (3.2.d).
 */
@RegisterForReflection(targets = DeletionEvents.DeletionOrdered.class)
public final class DeletionEvents {

    public static final String DELETION_ORDERED = "breach.deletion-ordered";

    private DeletionEvents() {
    }

    public record DeletionOrdered(UUID orderId, UUID incidentId, UUID partnerId, List<String> categories,
            String reason, Instant at) {
    }
}

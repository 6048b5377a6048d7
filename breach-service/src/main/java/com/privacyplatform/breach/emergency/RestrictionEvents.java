package com.privacyplatform.breach.emergency;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * The events the gateway enforces at once (subject = partner id, so a partner's restrictions and
 * restorations keep their order). Reasons are masked free text (3.2.d): events carry no personal values.
 */
@RegisterForReflection(targets = {RestrictionEvents.Restricted.class, RestrictionEvents.Restored.class})
public final class RestrictionEvents {

    public static final String RESTRICTED = "partner.interface-restricted";
    public static final String RESTORED = "partner.interface-restored";

    /** Why a restriction ended. */
    public enum RestoreReason {
        LIFTED, EXPIRED
    }

    private RestrictionEvents() {
    }

    public record Restricted(UUID orderId, UUID partnerId, UUID incidentId, EmergencyOrderKind kind,
            Integer requestsPerSecond, Integer requestsPerPeriod, String period, Instant expiresAt, String reason,
            Instant at) {
    }

    public record Restored(UUID orderId, UUID partnerId, EmergencyOrderKind kind, RestoreReason reason, String note,
            Instant at) {
    }
}

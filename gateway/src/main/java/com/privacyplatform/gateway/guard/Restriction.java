package com.privacyplatform.gateway.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An active emergency order as the gateway enforces it (immutable snapshot of a row). */
public record Restriction(UUID orderId, Kind kind, Integer requestsPerSecond, Integer requestsPerPeriod,
        Duration period, Instant expiresAt) {

    /** The orders of 3.4.j: temporary closure, flow restraint, frequency restraint, data access suspension. */
    public enum Kind {
        TEMPORARY_CLOSURE, FLOW_RESTRAINT, FREQUENCY_RESTRAINT, DATA_ACCESS_SUSPENSION;

        boolean blocks() {
            return this == TEMPORARY_CLOSURE || this == DATA_ACCESS_SUSPENSION;
        }
    }

    public boolean activeAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    static Restriction of(RestrictionRow row) {
        return new Restriction(row.orderId, Kind.valueOf(row.kind), row.requestsPerSecond, row.requestsPerPeriod,
                row.period == null ? null : Duration.parse(row.period),
                row.expiresAt == null ? null : row.expiresAt.toInstant());
    }
}

package com.privacyplatform.commons.projection;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * What an operator sees of one projection: whether its first rebuild is done (until then requests that
 * need it answer 503), its last reconciliation and the drift repaired.
 */
@RegisterForReflection
public record ProjectionState(String projection, boolean sourceConfigured, boolean built, Instant firstSyncedAt,
        Instant lastReconciledAt, int lastRepaired, long repairedTotal, long reconciliations, boolean running) {
}

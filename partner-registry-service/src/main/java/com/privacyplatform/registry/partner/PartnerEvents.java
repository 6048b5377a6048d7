package com.privacyplatform.registry.partner;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Event records of the registry (CloudEvents {@code data}); ids and facts, no personal values.
 * The catalogue with JSON examples is in the service README. Registered for reflection: the
 * outbox serialises them with Jackson, which a native image allows only for registered classes.
 */
@RegisterForReflection(targets = {PartnerEvents.ScopeItem.class, PartnerEvents.Activated.class,
        PartnerEvents.StatusChanged.class, PartnerEvents.ScopeChanged.class, PartnerEvents.TransferItem.class,
        PartnerEvents.TransfersChanged.class})
public final class PartnerEvents {

    public static final String ACTIVATED = "partner.activated";
    public static final String SUSPENDED = "partner.suspended";
    public static final String REINSTATED = "partner.reinstated";
    public static final String TERMINATED = "partner.terminated";
    public static final String SCOPE_CHANGED = "partner.scope-changed";
    public static final String TRANSFERS_CHANGED = "partner.transfers-changed";

    private PartnerEvents() {
    }

    /** One permitted purpose and the data categories allowed for it. */
    public record ScopeItem(String purpose, List<String> categories) {
    }

    /** partner.activated: carries the scope, so consumers can act without calling back. */
    public record Activated(UUID partnerId, String oidcClientId, String jurisdiction, String reason,
            int scopeVersion, List<ScopeItem> scope, boolean automatedDecisionAuthorized, Instant at) {
    }

    /** partner.suspended / partner.reinstated / partner.terminated. */
    public record StatusChanged(UUID partnerId, PartnerStatus from, PartnerStatus to, String reason, Instant at) {
    }

    /** partner.scope-changed: the full new scope and the automated decision-making flag (3.2.c). */
    public record ScopeChanged(UUID partnerId, PartnerStatus status, String jurisdiction, int scopeVersion,
            List<ScopeItem> scope, boolean automatedDecisionAuthorized, Instant at) {
    }

    /** One APPROVED cross-border transfer (3.3.c): where to and which data categories. */
    public record TransferItem(UUID transferId, String destinationCountry, List<String> categories) {
    }

    /**
     * partner.transfers-changed: every APPROVED transfer of the partner after an approval or a
     * revocation. {@code transfersVersion} grows with each of them, so consumers keep the newest.
     */
    public record TransfersChanged(UUID partnerId, String jurisdiction, long transfersVersion,
            List<TransferItem> transfers, Instant at) {
    }
}

package com.privacyplatform.api.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The partner-registry's event records (CloudEvents {@code data}); ids and facts, no personal values.
 * One definition for the producer (partner-registry-service) and its consumers (consent-service), so
 * the wire shape cannot drift between them. The catalogue with JSON examples is in the registry's
 * README. Registered for reflection: the registry's outbox serialises them and consumers read them
 * from messages with Jackson, outside any REST signature, which a native image allows only for
 * registered classes (this jar is indexed, so every application that uses it registers them).
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

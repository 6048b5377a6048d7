package com.privacyplatform.consent.partner;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The partner-registry events this service consumes (their {@code data}), in the registry's shape.
 * Registered for reflection: Jackson reads them from consumed messages, outside any REST signature.
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

    public record Activated(UUID partnerId, String oidcClientId, String jurisdiction, String reason,
            int scopeVersion, List<ScopeItem> scope, boolean automatedDecisionAuthorized, Instant at) {
    }

    /** partner.suspended / partner.reinstated / partner.terminated. */
    public record StatusChanged(UUID partnerId, PartnerStatus from, PartnerStatus to, String reason, Instant at) {
    }

    public record ScopeChanged(UUID partnerId, PartnerStatus status, String jurisdiction, int scopeVersion,
            List<ScopeItem> scope, boolean automatedDecisionAuthorized, Instant at) {
    }

    /** One APPROVED cross-border transfer of the partner (3.3.c). */
    public record TransferItem(UUID transferId, String destinationCountry, List<String> categories) {
    }

    /** partner.transfers-changed: every APPROVED transfer, ordered by {@code transfersVersion}. */
    public record TransfersChanged(UUID partnerId, String jurisdiction, long transfersVersion,
            List<TransferItem> transfers, Instant at) {
    }
}

package com.privacyplatform.registry.partner;

import com.privacyplatform.api.events.PartnerStatus;
import java.util.Set;

/**
 * The explicit lifecycle actions: PENDING -> ACTIVE -> SUSPENDED <-> ACTIVE -> TERMINATED.
 * Each action is legal only from its own states (reinstating is not activating); TERMINATED is final.
 */
public enum PartnerTransition {
    ACTIVATE(Set.of(PartnerStatus.PENDING), PartnerStatus.ACTIVE, "activate"),
    SUSPEND(Set.of(PartnerStatus.ACTIVE), PartnerStatus.SUSPENDED, "suspend"),
    REINSTATE(Set.of(PartnerStatus.SUSPENDED), PartnerStatus.ACTIVE, "reinstate"),
    TERMINATE(Set.of(PartnerStatus.ACTIVE, PartnerStatus.SUSPENDED), PartnerStatus.TERMINATED, "terminate");

    private final Set<PartnerStatus> from;
    private final PartnerStatus to;
    private final String verb;

    PartnerTransition(Set<PartnerStatus> from, PartnerStatus to, String verb) {
        this.from = from;
        this.to = to;
        this.verb = verb;
    }

    public boolean allowedFrom(PartnerStatus status) {
        return from.contains(status);
    }

    public PartnerStatus target() {
        return to;
    }

    public String verb() {
        return verb;
    }
}

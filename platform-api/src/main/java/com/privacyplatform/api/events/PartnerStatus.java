package com.privacyplatform.api.events;

/**
 * A partner's lifecycle states, as partner-registry-service keeps them and announces them in its
 * events and views. Only the names: which moves between them are legal is the registry's rule
 * (its {@code PartnerTransition}).
 */
public enum PartnerStatus {
    PENDING, ACTIVE, SUSPENDED, TERMINATED
}

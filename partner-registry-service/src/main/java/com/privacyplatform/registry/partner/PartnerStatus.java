package com.privacyplatform.registry.partner;

/** Lifecycle states; the legal moves between them are the {@link PartnerTransition}s. */
public enum PartnerStatus {
    PENDING, ACTIVE, SUSPENDED, TERMINATED
}

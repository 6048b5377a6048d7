package com.privacyplatform.consent.partner;

/** The registry's partner lifecycle states, as the projection knows them. */
public enum PartnerStatus {
    PENDING, ACTIVE, SUSPENDED, TERMINATED
}

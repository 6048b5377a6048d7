package com.privacyplatform.dsr.holding;

/** The consent's state as consent-service last reported it. */
public enum HoldingStatus {
    ACTIVE,
    REVOKED,
    EXPIRED
}

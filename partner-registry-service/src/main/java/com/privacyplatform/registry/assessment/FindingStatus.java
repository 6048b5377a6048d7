package com.privacyplatform.registry.assessment;

/**
 * 4.3 rectification tracking: OPEN -> RECTIFICATION_SUBMITTED (partner) -> VERIFIED (officer
 * accepts) or REOPENED (officer does not) -> RECTIFICATION_SUBMITTED ... VERIFIED is final.
 */
public enum FindingStatus {
    OPEN, RECTIFICATION_SUBMITTED, VERIFIED, REOPENED;

    /** Still waiting for the partner to rectify: counts as overdue once past its deadline. */
    public boolean awaitsPartner() {
        return this == OPEN || this == REOPENED;
    }
}

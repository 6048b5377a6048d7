package com.privacyplatform.dsr.retention;

/**
 * 3.5.d: where a retention basis stands. CONSENT_VERIFIED: an express-consent basis whose consent was
 * found in the holdings (checked again at the termination); PENDING_REVIEW -> APPROVED | REFUSED: a
 * legal obligation the officer decides on; LAPSED: recorded before bases needed evidence, never honoured.
 */
public enum RetentionStatus {
    CONSENT_VERIFIED,
    PENDING_REVIEW,
    APPROVED,
    REFUSED,
    LAPSED
}

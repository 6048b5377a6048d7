package com.privacyplatform.consent.record;

/** Why a history entry was appended. */
public enum Cause {
    /** The partner recorded the subject's decision. */
    RECORDED,
    /** A compliance officer imported an earlier decision as a documented migration (reason: reference and justification). */
    IMPORTED,
    /** A newer decision for the same subject, partner and purpose replaced this one. */
    SUPERSEDED,
    /** The subject revoked it (3.5.a). */
    SUBJECT,
    /** The partner revoked it on the subject's behalf (3.5.a). */
    PARTNER,
    /** A data-subject request of dsr-service revoked it (3.5.a). */
    DSR_REQUEST,
    /** The partner was terminated (3.5.d). */
    PARTNER_TERMINATED,
    /** It passed its expiry. */
    EXPIRY
}

package com.privacyplatform.dsr.request;

/** How a completed request ended, derived from its tasks (or from the revocations it asked for). */
public enum RequestOutcome {
    /** Every task completed with evidence (or every targeted consent revoked). */
    FULFILLED,
    /** Some tasks completed, others were rejected with a legal basis or exempt. */
    PARTIALLY_FULFILLED,
    /** Every task was rejected with a legal basis (some may be exempt). */
    NOT_FULFILLED,
    /** 3.5.d: every task is exempt under a recorded retention basis. */
    RETAINED,
    /** No partner obtained the subject's data through the platform: nothing to do. */
    NO_DATA_HELD
}

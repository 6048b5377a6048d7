package com.privacyplatform.breach.duty;

/** PENDING until done (with a reference and time) or not required (with a reason). */
public enum DutyState {
    PENDING, DONE, NOT_REQUIRED
}

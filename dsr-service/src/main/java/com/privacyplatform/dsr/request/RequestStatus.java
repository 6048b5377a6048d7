package com.privacyplatform.dsr.request;

/**
 * AWAITING_SUBJECT_CONFIRMATION (submitted by a partner) -> OPEN (work fanned out, clock running)
 * -> COMPLETED; or -> DECLINED by the subject. LINKED: a duplicate of an open request; it follows
 * that request and completes with it.
 */
public enum RequestStatus {
    AWAITING_SUBJECT_CONFIRMATION,
    OPEN,
    COMPLETED,
    DECLINED,
    LINKED;

    public boolean isOpen() {
        return this == AWAITING_SUBJECT_CONFIRMATION || this == OPEN;
    }
}

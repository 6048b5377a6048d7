package com.privacyplatform.registry.assessment;

/** An audit is SCHEDULED (with notice, 4.4) until the officer closes it; CLOSED is final. */
public enum AssessmentStatus {
    SCHEDULED, CLOSED
}

package com.privacyplatform.dsr.task;

/**
 * OPEN -> CLAIMED -> COMPLETED | REJECTED (OPEN may be resolved directly); EXEMPT: 3.5.d retention
 * basis. A DELETION task's rejection waits for the officer: REJECTION_IN_REVIEW -> REJECTED (approved)
 * or OPEN (refused, with the officer's note).
 */
public enum TaskStatus {
    OPEN,
    CLAIMED,
    REJECTION_IN_REVIEW,
    COMPLETED,
    REJECTED,
    EXEMPT;

    public boolean isResolved() {
        return this == COMPLETED || this == REJECTED || this == EXEMPT;
    }
}

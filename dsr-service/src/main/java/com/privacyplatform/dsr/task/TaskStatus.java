package com.privacyplatform.dsr.task;

/** OPEN -> CLAIMED -> COMPLETED | REJECTED (OPEN may be resolved directly); EXEMPT: 3.5.d retention basis. */
public enum TaskStatus {
    OPEN,
    CLAIMED,
    COMPLETED,
    REJECTED,
    EXEMPT;

    public boolean isResolved() {
        return this == COMPLETED || this == REJECTED || this == EXEMPT;
    }
}

package com.privacyplatform.registry.inspection;

/** The outcome of one checklist item of a self-inspection. */
public enum ChecklistResult {
    PASS, FAIL, NOT_APPLICABLE
}

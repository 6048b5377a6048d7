package com.privacyplatform.registry.assessment;

/** 4.5: who bears the audit's expenses, derived when the audit is closed. */
public enum CostBearer {
    /** No material defect was found: the platform pays. */
    PLATFORM,
    /** A material defect was found: the partner pays, including the rectification. */
    PARTNER
}

package com.privacyplatform.breach.emergency;

/** 3.4.j: the ways the platform may protect a leaking interface and the data behind it. */
public enum EmergencyOrderKind {
    /** Block the partner's interface entirely for now. */
    TEMPORARY_CLOSURE,
    /** Limit throughput: at most {@code requestsPerSecond}. */
    FLOW_RESTRAINT,
    /** Limit call frequency: at most {@code requestsPerPeriod} per {@code period}. */
    FREQUENCY_RESTRAINT,
    /** Stop the partner's access to users' data (emergency security processing). */
    DATA_ACCESS_SUSPENSION
}

package com.privacyplatform.registry.assessment;

/** Severity of an audit finding, lowest first. */
public enum FindingSeverity {
    LOW, MEDIUM, HIGH, CRITICAL
}

package com.privacyplatform.breach.assessment;

/** Ordered from least to most severe; HIGH and CRITICAL mean "high risk to the subjects" (GDPR Art. 34). */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public Severity atLeast(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Severity oneLower() {
        return this == LOW ? LOW : values()[ordinal() - 1];
    }
}

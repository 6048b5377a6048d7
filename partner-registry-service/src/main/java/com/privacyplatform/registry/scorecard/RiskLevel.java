package com.privacyplatform.registry.scorecard;

/** 4.6: how much risk a partner poses, lowest first. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL;

    public RiskLevel max(RiskLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}

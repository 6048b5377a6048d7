package com.privacyplatform.registry.assessment;

import java.util.UUID;

/**
 * A partner's audit findings counted for the scorecard (4.3, 4.6). {@code open}: not verified yet.
 * Overdue findings (past the rectification deadline, still awaiting the partner) are split into
 * disjoint groups: CRITICAL; serious (HIGH or material, not CRITICAL); minor (the rest).
 * {@code overdueMaterial} counts the material ones among all overdue findings.
 */
public record FindingTally(UUID partnerId, long open, long overdueCritical, long overdueSerious, long overdueMinor,
        long overdueMaterial) {

    public static FindingTally none(UUID partnerId) {
        return new FindingTally(partnerId, 0, 0, 0, 0, 0);
    }

    public long overdue() {
        return overdueCritical + overdueSerious + overdueMinor;
    }
}

package com.privacyplatform.registry.scorecard;

import com.privacyplatform.commons.paging.Cursors;
import java.util.UUID;

/** The keyset position in the (risk descending, partner id) order of the scorecard list. */
public record ScorecardCursor(RiskLevel riskLevel, UUID partnerId) {

    static ScorecardCursor decode(String cursor) {
        String[] key = Cursors.decodeParts(cursor, 2);
        return key == null ? null
                : new ScorecardCursor(Cursors.part(key[0], RiskLevel::valueOf), Cursors.part(key[1], UUID::fromString));
    }

    static String key(ScorecardView last) {
        return last.riskLevel() + "|" + last.partnerId();
    }

    /** Whether the card comes after this position. */
    boolean precedes(ScorecardView card) {
        int byRisk = Integer.compare(riskLevel.ordinal(), card.riskLevel().ordinal());
        return byRisk > 0 || byRisk == 0 && card.partnerId().toString().compareTo(partnerId.toString()) > 0;
    }
}

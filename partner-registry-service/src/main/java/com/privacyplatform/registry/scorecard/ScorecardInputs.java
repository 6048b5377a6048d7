package com.privacyplatform.registry.scorecard;

import com.privacyplatform.registry.assessment.FindingTally;
import com.privacyplatform.registry.inspection.InspectionDue;
import java.time.LocalDate;

/**
 * What a partner's risk is computed from: the registry's own facts, and {@code openBreaches},
 * {@code lateBreachReports} and {@code overdueRequests} fed by breach-service and dsr-service
 * events ({@link ScorecardFeed}).
 */
public record ScorecardInputs(InspectionDue inspection, FindingTally findings, long openBreaches,
        long lateBreachReports, long overdueRequests, LocalDate today) {

    /** Inputs without fed counters (no incidents or overdue requests known). */
    public static ScorecardInputs of(InspectionDue inspection, FindingTally findings, LocalDate today) {
        return new ScorecardInputs(inspection, findings, 0, 0, 0, today);
    }

    static ScorecardInputs of(InspectionDue inspection, FindingTally findings, ScorecardFeedCounts.Counts fed,
            LocalDate today) {
        return new ScorecardInputs(inspection, findings, fed.openBreaches(), fed.lateBreachReports(),
                fed.overdueRequests(), today);
    }
}

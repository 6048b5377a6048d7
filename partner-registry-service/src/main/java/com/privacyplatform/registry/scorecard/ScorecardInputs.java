package com.privacyplatform.registry.scorecard;

import com.privacyplatform.registry.assessment.FindingTally;
import com.privacyplatform.registry.inspection.InspectionDue;
import java.time.LocalDate;

/**
 * What a partner's risk is computed from. {@code openBreaches}, {@code lateBreachReports} and
 * {@code overdueRequests} are placeholders: zero until the registry consumes the breach-service
 * and dsr-service events that will feed them.
 */
public record ScorecardInputs(InspectionDue inspection, FindingTally findings, long openBreaches,
        long lateBreachReports, long overdueRequests, LocalDate today) {

    /** Inputs with the not-yet-fed counters at zero. */
    public static ScorecardInputs of(InspectionDue inspection, FindingTally findings, LocalDate today) {
        return new ScorecardInputs(inspection, findings, 0, 0, 0, today);
    }
}

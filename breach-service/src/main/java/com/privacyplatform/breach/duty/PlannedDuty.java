package com.privacyplatform.breach.duty;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A duty as the rules say it should be now: its clock, and whether it is required (else why not).
 * {@code fulfilledByReport} marks the platform's own rule, which the report itself fulfils.
 */
public record PlannedDuty(DutyCatalog.Rule rule, String regime, List<String> jurisdictions, Duration window,
        OffsetDateTime dueAt, OffsetDateTime warnAt, boolean required, String notRequiredReason,
        boolean fulfilledByReport) {
}

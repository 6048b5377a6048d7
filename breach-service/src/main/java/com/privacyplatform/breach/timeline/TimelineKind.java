package com.privacyplatform.breach.timeline;

import java.util.Locale;

/** The kinds of timeline entries, each in one category. */
public enum TimelineKind {
    REPORTED(TimelineCategory.FACT),
    LATE_REPORT_FLAGGED(TimelineCategory.DECISION),
    FACTS_UPDATED(TimelineCategory.FACT),
    SEVERITY_ASSESSED(TimelineCategory.DECISION),
    SEVERITY_OVERRIDDEN(TimelineCategory.DECISION),
    DUTY_PLANNED(TimelineCategory.DECISION),
    DUTY_REQUIRED(TimelineCategory.DECISION),
    DUTY_NOT_REQUIRED(TimelineCategory.DECISION),
    DUTY_WAIVED(TimelineCategory.DECISION),
    DUTY_COMPLETED(TimelineCategory.NOTIFICATION),
    DUTY_DUE(TimelineCategory.NOTIFICATION),
    DUTY_LAPSED(TimelineCategory.NOTIFICATION),
    EMERGENCY_ORDERED(TimelineCategory.MEASURE),
    EMERGENCY_LIFTED(TimelineCategory.MEASURE),
    EMERGENCY_EXPIRED(TimelineCategory.MEASURE),
    DELETION_ORDERED(TimelineCategory.MEASURE),
    CLOSED(TimelineCategory.DECISION);

    private final TimelineCategory category;

    TimelineKind(TimelineCategory category) {
        this.category = category;
    }

    public TimelineCategory category() {
        return category;
    }

    /** The audit-trail action: {@code incident.duty-lapsed}. */
    public String auditAction() {
        return "incident." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package com.privacyplatform.breach.timeline;

/** What a timeline entry records: a reported fact, a decision, a notification, or a measure. */
public enum TimelineCategory {
    FACT, DECISION, NOTIFICATION, MEASURE
}

package com.privacyplatform.dsr.deadline;

/** How a deadline term is counted. The day the period starts from is never counted. */
public enum DeadlineUnit {
    /** Every day counts. */
    CALENDAR_DAYS,
    /** The same date of the later month, or that month's last day when it has no such date. */
    CALENDAR_MONTHS,
    /** Monday to Friday, minus the configured public holidays. */
    BUSINESS_DAYS
}

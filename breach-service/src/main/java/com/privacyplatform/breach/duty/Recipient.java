package com.privacyplatform.breach.duty;

/** Whom a duty's notification goes to. */
public enum Recipient {
    PLATFORM, REGULATOR, SUBJECTS
}

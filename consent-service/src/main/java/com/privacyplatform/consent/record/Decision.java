package com.privacyplatform.consent.record;

/** What the subject decided for one purpose when the consent was collected; never changes. */
public enum Decision {
    GRANTED, REFUSED
}

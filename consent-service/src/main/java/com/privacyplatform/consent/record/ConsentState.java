package com.privacyplatform.consent.record;

/**
 * Where a consent decision stands. GRANTED and REFUSED are the live decisions (at most one per
 * subject x partner x purpose); REVOKED, EXPIRED and SUPERSEDED are final.
 */
public enum ConsentState {
    GRANTED, REFUSED, REVOKED, EXPIRED, SUPERSEDED;

    public boolean isLive() {
        return this == GRANTED || this == REFUSED;
    }
}

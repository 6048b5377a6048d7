package com.privacyplatform.consent.check;

import java.time.Instant;
import java.util.UUID;

/** The check's answer before it becomes a view. */
public record CheckResult(boolean allowed, CheckReason reason, UUID consentId, Instant expiresAt, String legalBasis) {

    static CheckResult allow(CheckRow row) {
        return new CheckResult(true, CheckReason.CONSENT_GRANTED, row.consentId(), instant(row), row.legalBasis());
    }

    static CheckResult deny(CheckReason reason, CheckRow row) {
        return new CheckResult(false, reason, row.consentId(), instant(row), null);
    }

    static CheckResult unavailable() {
        return new CheckResult(false, CheckReason.CHECK_UNAVAILABLE, null, null, null);
    }

    private static Instant instant(CheckRow row) {
        return row.expiresAt() == null ? null : row.expiresAt().toInstant();
    }
}

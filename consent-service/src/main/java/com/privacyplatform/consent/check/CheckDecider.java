package com.privacyplatform.consent.check;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.api.vocabulary.Vocabulary;
import java.time.Instant;

/**
 * The check's rules, in order: the partner must be known and ACTIVE, a purpose that profiles or
 * decides automatically (the vocabulary's profiling flag) authorized by the platform, the (purpose,
 * category) in its permitted scope, and the subject's decision for the purpose GRANTED, unexpired
 * and covering the category; asked about a recipient, the decision must name it (3.3.a) and, for a
 * recipient abroad, an APPROVED transfer must cover the category there (3.3.c). Anything else is
 * DENY with the first reason.
 */
final class CheckDecider {

    private CheckDecider() {
    }

    @Enforces({"3.1.a", "3.2.a", "3.2.b", "3.2.c", "3.3.a", "3.5.a"})
    static CheckResult decide(CheckRow row, String purpose, Instant now) {
        if (row.partnerStatus() == null) {
            return CheckResult.deny(CheckReason.PARTNER_UNKNOWN, row);
        }
        switch (row.partnerStatus()) {
            case "ACTIVE" -> {
            }
            case "SUSPENDED" -> {
                return CheckResult.deny(CheckReason.PARTNER_SUSPENDED, row);
            }
            case "TERMINATED" -> {
                return CheckResult.deny(CheckReason.PARTNER_TERMINATED, row);
            }
            default -> {
                return CheckResult.deny(CheckReason.PARTNER_NOT_ACTIVE, row);
            }
        }
        // 3.2.c: every purpose that profiles or decides automatically needs the platform's authorization
        if (Vocabulary.get().isProfiling(purpose) && !row.admAuthorized()) {
            return CheckResult.deny(CheckReason.AUTOMATED_DECISIONS_NOT_AUTHORIZED, row);
        }
        if (!row.inScope()) {
            return CheckResult.deny(CheckReason.OUT_OF_SCOPE, row);
        }
        if (row.consentId() == null) {
            return CheckResult.deny(CheckReason.NO_CONSENT, row);
        }
        return switch (row.consentState()) {
            case "GRANTED" -> granted(row, now);
            case "REFUSED" -> CheckResult.deny(CheckReason.CONSENT_REFUSED, row);
            case "REVOKED" -> CheckResult.deny(CheckReason.CONSENT_REVOKED, row);
            case "EXPIRED" -> CheckResult.deny(CheckReason.CONSENT_EXPIRED, row);
            default -> CheckResult.deny(CheckReason.NO_CONSENT, row);
        };
    }

    private static CheckResult granted(CheckRow row, Instant now) {
        // expired even before the expiry scan has marked it
        if (row.expiresAt() != null && !row.expiresAt().toInstant().isAfter(now)) {
            return CheckResult.deny(CheckReason.CONSENT_EXPIRED, row);
        }
        if (!row.coversCategory()) {
            return CheckResult.deny(CheckReason.CATEGORY_NOT_CONSENTED, row);
        }
        return row.recipient() == null ? CheckResult.allow(row) : recipient(row);
    }

    /** 3.3.a: disclosure only to a recipient the subject consented to; 3.3.c: abroad only under an APPROVED transfer. */
    @Enforces({"3.3.a", "3.3.a.a", "3.3.c"})
    static CheckResult recipient(CheckRow row) {
        CheckRow.RecipientFacts r = row.recipient();
        if (!r.named()) {
            return CheckResult.deny(CheckReason.RECIPIENT_NOT_AUTHORIZED, row);
        }
        if (r.abroad() && !r.transferCovers()) {
            return CheckResult.deny(CheckReason.TRANSFER_NOT_APPROVED, row);
        }
        return CheckResult.allow(row);
    }
}

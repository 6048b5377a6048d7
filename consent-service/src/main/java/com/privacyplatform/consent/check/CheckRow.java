package com.privacyplatform.consent.check;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What the check's one query returns: the partner's projection (null status = unknown partner),
 * whether (purpose, category) is in its scope, and the subject's decision for the purpose (the live
 * one, else the newest) with whether it covers the category.
 */
public record CheckRow(String partnerStatus, boolean admAuthorized, boolean inScope, UUID consentId,
        String consentState, OffsetDateTime expiresAt, boolean coversCategory, String legalBasis) {
}

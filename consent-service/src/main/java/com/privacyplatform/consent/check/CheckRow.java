package com.privacyplatform.consent.check;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What the check's one query returns: the partner's projection (null status = unknown partner),
 * whether (purpose, category) is in its scope, and the subject's decision for the purpose (the live
 * one, else the newest) with whether it covers the category; with a recipient asked about, what the
 * decision says of it ({@code recipient}, else null).
 */
public record CheckRow(String partnerStatus, boolean admAuthorized, boolean inScope, UUID consentId,
        String consentState, OffsetDateTime expiresAt, boolean coversCategory, String legalBasis,
        RecipientFacts recipient) {

    /**
     * The recipient asked about: whether the decision names it (3.3.a), its country, the partner's
     * jurisdiction, and whether an APPROVED transfer of the partner to that country covers the
     * category (3.3.c).
     */
    public record RecipientFacts(boolean named, String country, String partnerJurisdiction,
            boolean transferCovers) {

        boolean abroad() {
            return country == null || !country.equals(partnerJurisdiction);
        }
    }

    /** A row of a check that asked about no recipient. */
    public CheckRow(String partnerStatus, boolean admAuthorized, boolean inScope, UUID consentId, String consentState,
            OffsetDateTime expiresAt, boolean coversCategory, String legalBasis) {
        this(partnerStatus, admAuthorized, inScope, consentId, consentState, expiresAt, coversCategory, legalBasis,
                null);
    }
}

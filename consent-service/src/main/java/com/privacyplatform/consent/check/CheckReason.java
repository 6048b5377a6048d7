package com.privacyplatform.consent.check;

/** Why the check answered as it did, with the clause behind a denial. */
public enum CheckReason {
    CONSENT_GRANTED(null),
    PARTNER_UNKNOWN("3.1.b"),
    PARTNER_NOT_ACTIVE("3.1.b"),
    PARTNER_SUSPENDED("3.4.j"),
    PARTNER_TERMINATED("3.5.d"),
    AUTOMATED_DECISIONS_NOT_AUTHORIZED("3.2.c"),
    OUT_OF_SCOPE("3.2.a"),
    NO_CONSENT("3.1.a"),
    CONSENT_REFUSED("3.1.a"),
    CONSENT_REVOKED("3.5.a"),
    CONSENT_EXPIRED("3.2.a"),
    CATEGORY_NOT_CONSENTED("3.2.b"),
    /** The check named a recipient the decision does not name. */
    RECIPIENT_NOT_AUTHORIZED("3.3.a"),
    /** The recipient is abroad and no APPROVED transfer of the partner to its country covers the category. */
    TRANSFER_NOT_APPROVED("3.3.c"),
    /** The check could not be answered (database error or timeout): fail closed. */
    CHECK_UNAVAILABLE(null);

    private final String clause;

    CheckReason(String clause) {
        this.clause = clause;
    }

    public String clause() {
        return clause;
    }
}

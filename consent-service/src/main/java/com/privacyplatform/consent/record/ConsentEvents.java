package com.privacyplatform.consent.record;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events consent-service emits (CloudEvents {@code data}; subject = consent id). Ids and facts
 * only: no free-text reasons, no contacts, and a PERSON recipient's name masked.
 * Registered for reflection: the outbox serialises them with Jackson outside any REST signature.
 */
@RegisterForReflection(targets = {ConsentEvents.Decided.class, ConsentEvents.EventRecipient.class,
        ConsentEvents.Revoked.class, ConsentEvents.Expired.class})
public final class ConsentEvents {

    public static final String GRANTED = "consent.granted";
    public static final String REFUSED = "consent.refused";
    public static final String REVOKED = "consent.revoked";
    public static final String EXPIRED = "consent.expired";

    private ConsentEvents() {
    }

    /** consent.granted / consent.refused: one per purpose decision (1.2). */
    public record Decided(UUID consentId, UUID partnerId, String subjectId, String purpose, List<String> categories,
            boolean sensitive, String legalBasis, String method, String jurisdiction, String noticeVersion,
            boolean thirdPartyDisclosure, List<EventRecipient> recipients, UUID supersedes, Instant collectedAt,
            Instant expiresAt, Instant at) {
    }

    /** A recipient as events carry it: a PERSON's name fully masked, no contact (3.2.d; events carry no personal values). */
    public record EventRecipient(String name, String country, Recipient.Kind kind) {
    }

    /** consent.revoked; {@code requestId} is the dsr-service request that asked for it, if any. */
    public record Revoked(UUID consentId, UUID partnerId, String subjectId, String purpose, List<String> categories,
            Cause revokedBy, UUID requestId, Instant at) {
    }

    /** consent.expired: the consent passed its expiry and no longer allows processing. */
    public record Expired(UUID consentId, UUID partnerId, String subjectId, String purpose, List<String> categories,
            Instant expiresAt, Instant at) {
    }
}

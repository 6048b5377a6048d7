package com.privacyplatform.dsr.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of the events dsr-service consumes, as agreed with their producers (see README). Only
 * the fields used here are declared; others are ignored, so producers may add fields.
 */
@RegisterForReflection(targets = {ConsumedEvents.ConsentGranted.class, ConsumedEvents.ConsentEnded.class,
        ConsumedEvents.RecipientData.class, ConsumedEvents.PartnerTerminated.class,
        ConsumedEvents.PartnerJurisdictionData.class, ConsumedEvents.BreachDeletionOrdered.class})
public final class ConsumedEvents {

    public static final String CONSENT_GRANTED = "consent.granted";
    public static final String CONSENT_REVOKED = "consent.revoked";
    public static final String CONSENT_EXPIRED = "consent.expired";
    public static final String PARTNER_TERMINATED = "partner.terminated";
    public static final String PARTNER_ACTIVATED = "partner.activated";
    public static final String PARTNER_SCOPE_CHANGED = "partner.scope-changed";
    public static final String BREACH_DELETION_ORDERED = "breach.deletion-ordered";

    private ConsumedEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecipientData(String name, String country) {
    }

    /**
     * consent.granted from consent-service; {@code jurisdiction} is the law the consent was collected
     * under (sets the deadlines of work resting on it; absent in older events: the partner's applies);
     * {@code method} and {@code collectedAt} are the evidence of an express consent to retention (3.5.d).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConsentGranted(UUID consentId, UUID partnerId, String subjectId, String purpose,
            List<String> categories, List<RecipientData> recipients, String jurisdiction, String method,
            Instant collectedAt, Instant expiresAt) {
    }

    /** consent.revoked / consent.expired from consent-service; {@code requestId} set when a DSR asked for it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConsentEnded(UUID consentId, UUID partnerId, String subjectId, String purpose, String reason,
            UUID requestId) {
    }

    /** partner.terminated from partner-registry-service. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartnerTerminated(UUID partnerId, String from, String to, String reason, Instant at) {
    }

    /**
     * partner.activated / partner.scope-changed from partner-registry-service: only the partner's
     * jurisdiction is read here (the deadline of work on consents that name none).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartnerJurisdictionData(UUID partnerId, String jurisdiction, Instant at) {
    }

    /** breach.deletion-ordered from breach-service (categories empty: everything the partner holds). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BreachDeletionOrdered(UUID incidentId, UUID partnerId, List<String> categories, String reason) {
    }
}

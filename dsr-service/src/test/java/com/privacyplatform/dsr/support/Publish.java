package com.privacyplatform.dsr.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.testing.TestBroker;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes the other services' events as real CloudEvents on the exchange, the way their outboxes do. */
public final class Publish {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Publish() {
    }

    public static UUID consentGranted(UUID consentId, UUID partnerId, String subjectId, String purpose,
            List<String> categories, List<Map<String, String>> recipients) {
        return consentGranted(consentId, partnerId, subjectId, purpose, categories, recipients, null);
    }

    /** With the jurisdiction the consent was collected under (null: left out, as older events do). */
    public static UUID consentGranted(UUID consentId, UUID partnerId, String subjectId, String purpose,
            List<String> categories, List<Map<String, String>> recipients, String jurisdiction) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("consentId", consentId);
        data.put("partnerId", partnerId);
        data.put("subjectId", subjectId);
        data.put("purpose", purpose);
        data.put("categories", categories);
        data.put("recipients", recipients);
        data.put("legalBasis", "CONSENT"); // a field dsr-service does not use: must be ignored
        if (jurisdiction != null) {
            data.put("jurisdiction", jurisdiction);
        }
        return send("consent.granted", "/consent-service", consentId.toString(), data);
    }

    public static UUID consentRevoked(UUID consentId, UUID partnerId, String subjectId, UUID requestId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("consentId", consentId);
        data.put("partnerId", partnerId);
        data.put("subjectId", subjectId);
        data.put("purpose", "marketing.communications");
        data.put("reason", "revoked");
        data.put("requestId", requestId);
        return send("consent.revoked", "/consent-service", consentId.toString(), data);
    }

    public static UUID consentExpired(UUID consentId, UUID partnerId, String subjectId) {
        return send("consent.expired", "/consent-service", consentId.toString(),
                Map.of("consentId", consentId, "partnerId", partnerId, "subjectId", subjectId, "purpose", "analytics"));
    }

    public static UUID partnerTerminated(UUID partnerId) {
        return partnerTerminated(Ids.newId(), partnerId);
    }

    /** With a given event id: the same id again is a redelivery. */
    public static UUID partnerTerminated(UUID eventId, UUID partnerId) {
        return partnerTerminatedAt(eventId, partnerId, "2026-11-26T00:00:00Z");
    }

    /** Terminated at {@code at} (RFC 3339): what a retention consent must predate (3.5.d). */
    public static UUID partnerTerminatedAt(UUID eventId, UUID partnerId, String at) {
        return send(eventId, "partner.terminated", "/partner-registry-service", partnerId.toString(), Map.of("partnerId",
                partnerId, "from", "ACTIVE", "to", "TERMINATED", "reason", "contract ended", "at", at));
    }

    /** consent.granted of a consent to retention after the cooperation, with its method and collectedAt. */
    public static UUID retentionConsentGranted(UUID consentId, UUID partnerId, String subjectId, String method,
            String collectedAt, List<String> categories) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("consentId", consentId);
        data.put("partnerId", partnerId);
        data.put("subjectId", subjectId);
        data.put("purpose", "retention_after_cooperation");
        data.put("categories", categories);
        data.put("recipients", List.of());
        data.put("legalBasis", "EXPRESS_CONSENT");
        data.put("method", method);
        data.put("collectedAt", collectedAt);
        data.put("jurisdiction", "DE");
        return send("consent.granted", "/consent-service", consentId.toString(), data);
    }

    /** partner.activated in the registry's shape (scope and ADM flag are not read by dsr-service). */
    public static UUID partnerActivated(UUID partnerId, String jurisdiction, String at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partnerId", partnerId);
        data.put("oidcClientId", "partner-" + partnerId);
        data.put("jurisdiction", jurisdiction);
        data.put("reason", "onboarded");
        data.put("scopeVersion", 1);
        data.put("scope", List.of(Map.of("purpose", "order_fulfilment", "categories", List.of("user.name"))));
        data.put("automatedDecisionAuthorized", false);
        data.put("at", at);
        return send("partner.activated", "/partner-registry-service", partnerId.toString(), data);
    }

    /** partner.scope-changed in the registry's shape, carrying the partner's jurisdiction too. */
    public static UUID partnerScopeChanged(UUID partnerId, String jurisdiction, String at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partnerId", partnerId);
        data.put("status", "ACTIVE");
        data.put("jurisdiction", jurisdiction);
        data.put("scopeVersion", 2);
        data.put("scope", List.of());
        data.put("automatedDecisionAuthorized", false);
        data.put("at", at);
        return send("partner.scope-changed", "/partner-registry-service", partnerId.toString(), data);
    }

    public static UUID breachDeletionOrdered(UUID incidentId, UUID partnerId, List<String> categories) {
        return send(Ids.newId(), "breach.deletion-ordered", "/breach-service", incidentId.toString(), Map.of("incidentId",
                incidentId, "partnerId", partnerId, "categories", categories, "reason", "leaked customer export"));
    }

    /** Sends {@code data} as a CloudEvent with a new id; returns the id. */
    public static UUID send(String type, String source, String subject, Object data) {
        return send(Ids.newId(), type, source, subject, data);
    }

    /** Sends with a given id, e.g. to redeliver an event. */
    public static UUID send(UUID id, String type, String source, String subject, Object data) {
        try (TestBroker broker = new TestBroker()) {
            byte[] body = CloudEventCodec.encode(id, type, source, subject, OffsetDateTime.now(ZoneOffset.UTC),
                    JSON.writeValueAsString(data));
            broker.publish(type, body);
            return id;
        } catch (Exception e) {
            throw new IllegalStateException("publishing " + type + " failed", e);
        }
    }

    public static Map<String, String> recipient(String name, String country) {
        return Map.of("name", name, "country", country);
    }
}

package com.privacyplatform.consent.support;

import static org.awaitility.Awaitility.await;

import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plays partner-registry-service on the real broker: publishes its partner.* CloudEvents (the
 * shape of its PartnerEvents records) and waits until consent-service's inbox has taken each.
 */
public final class Registry {

    public static final String SOURCE = "/partner-registry-service";

    private Registry() {
    }

    /** partner.activated with the scope (purpose -> categories). */
    public static UUID activate(String partnerId, int scopeVersion, boolean adm, Map<String, String[]> scope) {
        return publish("partner.activated", partnerId, "{\"partnerId\":\"" + partnerId + "\",\"oidcClientId\":\"client-"
                + partnerId.substring(0, 8) + "\",\"jurisdiction\":\"CN\",\"reason\":\"onboarded\",\"scopeVersion\":"
                + scopeVersion + ",\"scope\":" + scope(scope) + ",\"automatedDecisionAuthorized\":" + adm + ",\"at\":\""
                + Instant.now() + "\"}");
    }

    public static UUID scopeChanged(String partnerId, String status, int scopeVersion, boolean adm,
            Map<String, String[]> scope) {
        return publish("partner.scope-changed", partnerId, "{\"partnerId\":\"" + partnerId + "\",\"status\":\"" + status
                + "\",\"jurisdiction\":\"CN\",\"scopeVersion\":" + scopeVersion + ",\"scope\":" + scope(scope)
                + ",\"automatedDecisionAuthorized\":" + adm + ",\"at\":\"" + Instant.now() + "\"}");
    }

    /**
     * partner.transfers-changed: the partner's APPROVED transfers (3.3.c) at {@code version}, each as
     * destination country -> categories.
     */
    public static UUID transfersChanged(String partnerId, long version, Map<String, String[]> approved) {
        String transfers = approved.entrySet().stream().map(e -> "{\"transferId\":\"" + UUID.randomUUID()
                        + "\",\"destinationCountry\":\"" + e.getKey() + "\",\"categories\":["
                        + java.util.Arrays.stream(e.getValue()).map(c -> "\"" + c + "\"").collect(Collectors.joining(","))
                        + "]}")
                .collect(Collectors.joining(",", "[", "]"));
        return publish("partner.transfers-changed", partnerId, "{\"partnerId\":\"" + partnerId
                + "\",\"jurisdiction\":\"CN\",\"transfersVersion\":" + version + ",\"transfers\":" + transfers
                + ",\"at\":\"" + Instant.now() + "\"}");
    }

    /** partner.suspended / reinstated / terminated at the given time. */
    public static UUID status(String type, String partnerId, String from, String to, String reason, Instant at) {
        return publish(type, partnerId, statusJson(partnerId, from, to, reason, at));
    }

    public static String statusJson(String partnerId, String from, String to, String reason, Instant at) {
        return "{\"partnerId\":\"" + partnerId + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"reason\":\""
                + reason + "\",\"at\":\"" + at + "\"}";
    }

    public static UUID publish(String type, String subject, String data) {
        return publishFrom(SOURCE, type, subject, data);
    }

    /** Publishes an event of any service (e.g. {@code /dsr-service}) and waits until consent-service processed it. */
    public static UUID publishFrom(String source, String type, String subject, String data) {
        UUID id = Ids.newId();
        publishRaw(type, CloudEventCodec.encode(id, type, source, subject, OffsetDateTime.now(ZoneOffset.UTC), data));
        awaitProcessed(id);
        return id;
    }

    public static void publishRaw(String routingKey, byte[] body) {
        try (TestBroker broker = new TestBroker()) {
            broker.publish(routingKey, body);
        } catch (Exception e) {
            throw new IllegalStateException("broker not reachable", e);
        }
    }

    /** Waits until consent-service has processed (and committed) the event. */
    public static void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25)).until(() ->
                TestDb.count("SELECT count(*) FROM platform_inbox WHERE event_id = ?::uuid", eventId.toString()) == 1);
    }

    static String scope(Map<String, String[]> scope) {
        return scope.entrySet().stream().map(e -> "{\"purpose\":\"" + e.getKey() + "\",\"categories\":["
                        + java.util.Arrays.stream(e.getValue()).map(c -> "\"" + c + "\"").collect(Collectors.joining(","))
                        + "]}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}

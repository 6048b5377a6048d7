package com.privacyplatform.consent.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.testing.EventTap;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Consent-specific filters over the shared {@link EventTap} (events that reached the real exchange). */
public final class Events implements AutoCloseable {

    private final EventTap tap;

    public Events(String bindingKey) {
        this.tap = new EventTap(bindingKey);
    }

    /** Waits up to {@code wait} for {@code expected} events matching {@code filter}; returns what arrived. */
    public List<JsonNode> await(Predicate<JsonNode> filter, int expected, Duration wait) {
        return tap.await(filter, expected, wait);
    }

    /** Events whose {@code data.subjectId} is the given subject. */
    public List<JsonNode> forDataSubject(String subjectId, int expected, Duration wait) {
        return await(e -> subjectId.equals(e.path("data").path("subjectId").asText()), expected, wait);
    }

    /** Events whose CloudEvents {@code subject} (the consent id) is one of the given ids. */
    public List<JsonNode> forConsents(List<String> consentIds, int expected, Duration wait) {
        return await(e -> consentIds.contains(e.path("subject").asText()), expected, wait);
    }

    @Override
    public void close() {
        tap.close();
    }
}

package com.privacyplatform.dsr.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.testing.EventTap;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** dsr-specific filters over the shared {@link EventTap}: events for one subject (the request id). */
public final class Events implements AutoCloseable {

    private final EventTap tap;

    public Events(String bindingKey) {
        this.tap = new EventTap(bindingKey);
    }

    /**
     * Waits up to {@code wait} and returns the events for {@code subject} in arrival order; only those
     * of {@code types} when any are given (events written before the tap may still arrive).
     */
    public List<JsonNode> forSubject(String subject, int expected, Duration wait, String... types) {
        Set<String> wanted = Set.of(types);
        return tap.await(e -> subject.equals(e.path("subject").asText())
                && (wanted.isEmpty() || wanted.contains(e.path("type").asText())), expected, wait);
    }

    /** The types of {@code events}, in order. */
    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    @Override
    public void close() {
        tap.close();
    }
}

package com.privacyplatform.consent.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.testing.TestBroker;
import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads CloudEvents that reached the real exchange (a private, exclusive queue bound to a pattern). */
public final class Events implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestBroker broker;
    private final String queue;

    public Events(String bindingKey) {
        try {
            this.broker = new TestBroker();
            this.queue = broker.tap(bindingKey);
        } catch (Exception e) {
            throw new IllegalStateException("broker not reachable", e);
        }
    }

    /** Waits up to {@code wait} for {@code expected} events matching {@code filter}; returns what arrived. */
    public List<JsonNode> await(Predicate<JsonNode> filter, int expected, Duration wait) {
        List<JsonNode> found = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < deadline && found.size() < expected) {
                GetResponse message = broker.next(queue, Duration.ofMillis(100));
                if (message != null) {
                    JsonNode event = JSON.readTree(message.getBody());
                    if (filter.test(event)) {
                        found.add(event);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
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
        try {
            broker.close();
        } catch (Exception ignored) {
            // the exclusive queue goes away with the connection anyway
        }
    }
}

package com.privacyplatform.dsr.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.testing.TestBroker;
import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads CloudEvents that reached the real exchange, for one subject (dsr events: the request id). */
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

    /**
     * Waits up to {@code wait} and returns the events for {@code subject} in arrival order; only those
     * of {@code types} when any are given (events written before the tap may still arrive).
     */
    public List<JsonNode> forSubject(String subject, int expected, Duration wait, String... types) {
        java.util.Set<String> wanted = java.util.Set.of(types);
        List<JsonNode> found = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < deadline && found.size() < expected) {
                GetResponse message = broker.next(queue, Duration.ofMillis(200));
                if (message != null) {
                    JsonNode event = JSON.readTree(message.getBody());
                    if (subject.equals(event.path("subject").asText())
                            && (wanted.isEmpty() || wanted.contains(event.path("type").asText()))) {
                        found.add(event);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** The types of {@code events}, in order. */
    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
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

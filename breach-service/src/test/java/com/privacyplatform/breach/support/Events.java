package com.privacyplatform.breach.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.testing.TestBroker;
import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads CloudEvents that reached the real exchange: an exclusive queue bound before the action. */
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

    /** Waits up to {@code wait} for {@code expected} events about {@code subject}; returns them in arrival order. */
    public List<JsonNode> forSubject(String subject, int expected, Duration wait) {
        List<JsonNode> found = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < deadline && found.size() < expected) {
                GetResponse message = broker.next(queue, Duration.ofMillis(200));
                if (message != null) {
                    JsonNode event = JSON.readTree(message.getBody());
                    if (subject.equals(event.path("subject").asText())) {
                        found.add(event);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** Every event about {@code subject} that arrives within {@code wait} (to prove that nothing more came). */
    public List<JsonNode> allFor(String subject, Duration wait) {
        return forSubject(subject, Integer.MAX_VALUE, wait);
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

package com.privacyplatform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the CloudEvents that reach the real exchange: an exclusive queue bound to a routing-key
 * pattern before the action under test, read afterwards. Proves "published after commit" and,
 * with {@link #allFor}, "nothing more came".
 */
public final class EventTap implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestBroker broker;
    private final String queue;

    public EventTap(String bindingKey) {
        try {
            this.broker = new TestBroker();
            this.queue = broker.tap(bindingKey);
        } catch (Exception e) {
            throw new IllegalStateException("broker not reachable", e);
        }
    }

    /** Waits up to {@code wait} for {@code expected} events matching {@code filter}; returns them in arrival order. */
    public List<JsonNode> await(Predicate<JsonNode> filter, int expected, Duration wait) {
        List<JsonNode> found = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < deadline && found.size() < expected) {
                GetResponse message = broker.next(queue, Duration.ofMillis(200));
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

    /** Events whose CloudEvents {@code subject} is {@code subject}. */
    public List<JsonNode> forSubject(String subject, int expected, Duration wait) {
        return await(e -> subject.equals(e.path("subject").asText()), expected, wait);
    }

    /** Every event about {@code subject} that arrives within {@code wait}. */
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

package com.privacyplatform.commons.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** What the dead-letter endpoints answer (registered for Jackson in native images). */
@RegisterForReflection(targets = {DeadLetterViews.DeathView.class, DeadLetterViews.DeadLetterSummary.class,
    DeadLetterViews.DeadLetterQueueView.class, DeadLetterViews.DeadLetterQueuesView.class,
    DeadLetterViews.DeadLetterMessagesView.class, DeadLetterViews.DeadLetterView.class,
    DeadLetterViews.ReplayView.class, DeadLetterViews.DiscardView.class, DiscardRequest.class})
public final class DeadLetterViews {

    private DeadLetterViews() {
    }

    /** One death of a message (the broker's {@code x-death} entry): why, on which queue, when first, how often. */
    public record DeathView(String reason, String queue, Instant time, long count) {
        static DeathView of(DeadLetter.Death d) {
            return new DeathView(d.reason(), d.queue(), d.time(), d.count());
        }
    }

    /** A message in a dead-letter queue, in short: its id (event id, or {@code body-<hash>}), type and last death. */
    public record DeadLetterSummary(String messageId, String eventType, DeathView lastDeath, int deaths) {
        static DeadLetterSummary of(DeadLetter l) {
            return new DeadLetterSummary(l.key(), l.eventType(),
                    l.deaths().isEmpty() ? null : DeathView.of(l.deaths().get(0)), l.deaths().size());
        }
    }

    /**
     * One consumer queue's dead letters: how many, and the oldest ({@code first}) and newest
     * ({@code last}) of them with their death reason. {@code scanned} is how many were looked at
     * (at most {@code platform.dead-letters.scan-limit}); {@code last} is the newest of those.
     */
    public record DeadLetterQueueView(String channel, String queue, String deadLetterQueue, long messages, int scanned,
            DeadLetterSummary first, DeadLetterSummary last) {
    }

    public record DeadLetterQueuesView(List<DeadLetterQueueView> items) {
    }

    public record DeadLetterMessagesView(String queue, String deadLetterQueue, long messages, List<DeadLetterSummary> items) {
    }

    /**
     * One dead letter shown to an officer (3.2.d): the CloudEvent with every value of its data that
     * could be personal masked ({@code event}; null when the body is no JSON object), the body's
     * size, its content type and every death.
     */
    public record DeadLetterView(String messageId, String queue, String deadLetterQueue, String eventType,
            String contentType, int bodyBytes, boolean readable, JsonNode event, List<DeathView> deaths) {
    }

    /** A replay's answer: which message went back to which queue (only that one). */
    public record ReplayView(String messageId, String replayedTo, Instant replayedAt) {
    }

    /** A discard's answer. */
    public record DiscardView(String messageId, String deadLetterQueue, Instant discardedAt) {
    }
}

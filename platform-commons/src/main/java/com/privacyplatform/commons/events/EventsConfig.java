package com.privacyplatform.commons.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Event plumbing settings; {@code platform.events.source} names the emitting service. */
@ConfigMapping(prefix = "platform.events")
public interface EventsConfig {

    /** CloudEvents {@code source}, e.g. {@code /consent-service}. */
    String source();

    /** The platform's one topic exchange. */
    @WithDefault("privacy.events")
    String exchange();

    Relay relay();

    /** How a consumer backs off before a failed message goes back to its queue. */
    Retry retry();

    /**
     * Redeliveries back off: a failed delivery is returned to its queue (nack, failure-strategy
     * requeue) only after {@code initial-backoff * multiplier^n}, n being the queue's count of earlier
     * deliveries ({@code x-delivery-count}), at most {@code max-backoff}; the quorum queue's
     * {@code x-delivery-limit} bounds the attempts, then the message is dead-lettered. The message
     * stays unacknowledged meanwhile (it counts against {@code max-outstanding-messages}); other
     * messages are consumed in the meantime.
     */
    interface Retry {
        @WithDefault("2S")
        Duration initialBackoff();

        @WithDefault("4")
        int multiplier();

        @WithDefault("1M")
        Duration maxBackoff();
    }

    interface Relay {
        /** Whether this instance relays its outbox to the broker. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("100")
        int batchSize();

        /** Fallback poll; commits normally wake the relay at once via LISTEN/NOTIFY. */
        @WithDefault("2S")
        Duration pollInterval();

        /**
         * How long a commit's NOTIFY waits before it starts a run, so that one run relays every
         * event committed meanwhile instead of one transaction per commit (0: at once).
         */
        @WithDefault("5MS")
        Duration linger();

        /** How long a batch waits for the broker's publisher confirms before it counts as unsent. */
        @WithDefault("5S")
        Duration confirmTimeout();

        @WithDefault("500MS")
        Duration minBackoff();

        @WithDefault("30S")
        Duration maxBackoff();
    }
}

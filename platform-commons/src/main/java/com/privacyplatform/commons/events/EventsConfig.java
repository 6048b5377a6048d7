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

    interface Relay {
        /** Whether this instance relays its outbox to the broker. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("100")
        int batchSize();

        /** Fallback poll; commits normally wake the relay at once via LISTEN/NOTIFY. */
        @WithDefault("2S")
        Duration pollInterval();

        /** How long a batch waits for the broker's publisher confirms before it counts as unsent. */
        @WithDefault("5S")
        Duration confirmTimeout();

        @WithDefault("500MS")
        Duration minBackoff();

        @WithDefault("30S")
        Duration maxBackoff();
    }
}

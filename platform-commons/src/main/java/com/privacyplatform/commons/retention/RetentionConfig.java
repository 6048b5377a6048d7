package com.privacyplatform.commons.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;

/**
 * How long the platform tables keep what they hold (docs/data-stores.md). Outbox payloads carry
 * subject ids, so a sent row is deleted once no one needs it for diagnosis; inbox ids are kept as
 * long as a message can come back (the inbox horizon), and {@code EventConsumer} refuses any
 * message older than that horizon, so a purged id can never let an event apply twice.
 */
@ConfigMapping(prefix = "platform.retention")
public interface RetentionConfig {

    /** How long a sent outbox row stays (published with a broker confirm; kept for diagnosis only). */
    @WithDefault("P7D")
    Duration outboxSent();

    /**
     * The inbox horizon: how long a processed event id stays. Must exceed every way a message can
     * come back: the dead-letter queues' message TTL ({@code dead-letter-ttl}) is shorter.
     */
    @WithDefault("P30D")
    Duration inbox();

    /**
     * Allowance for clocks: a consumed event whose {@code time} is older than {@code inbox} minus
     * this is refused (its id may have been purged already), dead-lettered and logged.
     */
    @WithDefault("PT1H")
    Duration clockSkew();

    /** How often the purge runs ({@code off} disables it; tests call {@code StorePurger.purge()}). */
    @WithDefault("1h")
    String purgeInterval();

    /** Rows deleted per statement (each its own transaction), so a large backlog never holds long locks. */
    @WithDefault("5000")
    int batchSize();

    /** Events whose {@code time} is before this instant are refused by consumers. */
    default Instant replayHorizon(Instant now) {
        return now.minus(inbox()).plus(clockSkew());
    }
}

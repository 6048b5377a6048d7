package com.privacyplatform.commons.metrics;

import com.privacyplatform.commons.time.PlatformClock;
import io.micrometer.core.instrument.Tags;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The outbox's backlog (rows not yet confirmed by the broker) and the age of its oldest unsent row:
 * both read through the partial index {@code platform_outbox_pending} (the count costs what the
 * backlog holds, the age one index entry: the first row in line). An age that keeps growing means the relay does not deliver (broker down,
 * a failing batch: see {@code last_error}).
 */
@ApplicationScoped
public class OutboxGauges implements GaugeSource {

    private final Pool pool;
    private final PlatformClock clock;

    public OutboxGauges(Pool pool, PlatformClock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public List<PlatformGauge> gauges() {
        return List.of(
                PlatformGauge.count("platform.outbox.pending", "Outbox events not yet confirmed by the broker",
                        SqlCount.of(pool, "SELECT count(*) FROM platform_outbox WHERE sent_at IS NULL")),
                new PlatformGauge("platform.outbox.oldest.unsent.age", "Age of the oldest outbox event not yet"
                        + " confirmed by the broker (0 when none waits)", "seconds", Tags.empty(),
                        () -> SqlCount.of(pool, "SELECT COALESCE(max(EXTRACT(EPOCH FROM CAST($1 AS timestamptz)"
                                + " - occurred_at)), 0) FROM (SELECT occurred_at FROM platform_outbox"
                                + " WHERE sent_at IS NULL ORDER BY seq LIMIT 1) o", clock::now)
                                .get().map(Long::doubleValue)));
    }
}

package com.privacyplatform.commons.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.privacyplatform.testing.Scrape;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shared gauges of every service (issue 17.2): the outbox's backlog and the age of its oldest
 * unsent event, and per consumer queue its waiting messages and its dead-letter queue's depth - read
 * on the interval (here: on demand), served from memory.
 */
@QuarkusTest
class PlatformGaugesTest {

    /** The relay's advisory lock (OutboxRelay.LOCK_KEY): while a test holds it, no relay run sends. */
    private static final long RELAY_LOCK = 0x0b0c_0001L;
    private static final String QUEUE = "commons-test.widget-events";

    @Inject
    PlatformGauges gauges;

    @Test
    void anUnsentEventShowsInTheOutboxBacklogWithItsAgeUntilTheRelaySendsIt() throws Exception {
        Scrape before = scrape();
        try (Connection relayStopped = TestDb.connect(); Statement st = relayStopped.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + RELAY_LOCK + ")");
            // an event of no widget type (nothing is bound to it), written an hour ago and not sent
            TestDb.execute("INSERT INTO platform_outbox (id, type, source, subject, occurred_at, payload) VALUES ('"
                    + UUID.randomUUID() + "', 'metrics.probe', '/commons-test', 'probe', now() - interval '1 hour',"
                    + " '{}'::jsonb)");
            Scrape waiting = scrape();
            assertThat(waiting.value("platform_outbox_pending") - before.value("platform_outbox_pending")).isEqualTo(1);
            assertThat(waiting.value("platform_outbox_oldest_unsent_age_seconds")).isBetween(3600.0, 3700.0);
            st.execute("SELECT pg_advisory_unlock(" + RELAY_LOCK + ")");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Scrape sent = scrape();
            assertThat(sent.value("platform_outbox_pending")).isZero();
            assertThat(sent.value("platform_outbox_oldest_unsent_age_seconds")).isZero();
        });
    }

    @Test
    void aDeadLetterShowsInItsQueuesDepthUntilItIsTaken() throws Exception {
        try (TestBroker broker = new TestBroker()) {
            Scrape before = scrape();
            assertThat(before.value("platform_events_queue_ready", Map.of("queue", QUEUE))).isGreaterThanOrEqualTo(0);
            double depth = before.value("platform_events_dlq_depth", Map.of("queue", QUEUE));

            broker.publishToQueue(QUEUE + ".dlq", "{\"stand-in\":\"dead letter\"}".getBytes());
            assertThat(scrape().value("platform_events_dlq_depth", Map.of("queue", QUEUE))).isEqualTo(depth + 1);

            assertThat(broker.next(QUEUE + ".dlq", Duration.ofSeconds(5))).isNotNull();
            assertThat(scrape().value("platform_events_dlq_depth", Map.of("queue", QUEUE))).isEqualTo(depth);
        }
    }

    @Test
    void theGaugesCarryNoIdAndNoPartnerLabel() {
        Scrape scrape = scrape();
        assertThat(scrape.personalLookingLabelValues()).isEmpty();
        assertThat(scrape.labelNames()).noneMatch(n -> n.toLowerCase().contains("partner"));
    }

    private Scrape scrape() {
        return Scrape.of("/q/metrics", () -> VertxContextSupport.subscribeAndAwait(() -> gauges.refresh()));
    }
}

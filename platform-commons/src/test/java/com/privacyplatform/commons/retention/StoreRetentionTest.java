package com.privacyplatform.commons.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Sent outbox rows and old inbox ids are purged; a message older than the inbox horizon is refused. */
@QuarkusTest
class StoreRetentionTest {

    @Inject
    StorePurger purger;
    @Inject
    RetentionConfig config;

    @Test
    void sentOutboxRowsAndOldInboxIdsArePurgedWhileUnsentRowsAndRecentIdsStay() {
        UUID oldSent = outboxRow("now() - interval '8 days'", "now() - interval '8 days'");
        UUID recentSent = outboxRow("now() - interval '1 day'", "now() - interval '1 day'");
        // old and never sent: the relay may send it any moment (then sent_at is now); either way it stays
        UUID oldUnsent = outboxRow("now() - interval '40 days'", null);
        UUID oldId = inboxRow("now() - interval '31 days'");
        UUID recentId = inboxRow("now() - interval '29 days'");

        StorePurger.Purged purged = onVertx(() -> purger.purge());

        assertThat(purged.outboxRows()).isGreaterThanOrEqualTo(1);
        assertThat(purged.inboxIds()).isGreaterThanOrEqualTo(1);
        assertThat(outboxIds()).doesNotContain(oldSent).contains(recentSent, oldUnsent);
        assertThat(TestDb.count("SELECT count(*) FROM platform_inbox WHERE event_id = ?", oldId)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_inbox WHERE event_id = ?", recentId)).isEqualTo(1);
    }

    @Test
    void aLargeBacklogIsPurgedInBatchesUntilNoneIsLeft() {
        TestDb.execute("INSERT INTO platform_inbox (consumer, event_id, event_type, processed_at)"
                + " SELECT 'retention-backlog', gen_random_uuid(), 'widget.touched', now() - interval '60 days'"
                + " FROM generate_series(1, " + (config.batchSize() * 2 + 7) + ")");

        onVertx(() -> purger.purge());

        assertThat(TestDb.count("SELECT count(*) FROM platform_inbox WHERE consumer = 'retention-backlog'")).isZero();
    }

    @Test
    void theInboxHorizonOutlastsTheDefaultsAndTheClockAllowance() {
        assertThat(config.inbox()).isGreaterThan(config.clockSkew().multipliedBy(24));
        assertThat(config.outboxSent()).isLessThan(config.inbox());
    }

    @Test
    void aReplayOlderThanTheInboxHorizonIsRefusedLoggedAndDeadLetteredNotAppliedTwice() throws Exception {
        String subject = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        OffsetDateTime written = OffsetDateTime.now(ZoneOffset.UTC).minus(config.inbox()).plusMinutes(5);
        byte[] message = event(id, subject, written);
        List<String> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                errors.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("com.privacyplatform.commons.events.EventConsumer");
        log.addHandler(capture);
        try (TestBroker broker = new TestBroker()) {
            // first delivery within the horizon (written just inside it, 5 minutes past the allowance)
            // is refused too: its id may already be gone from the inbox of a consumer that applied it
            long before = broker.messageCount("commons-test.widget-events.dlq");
            broker.publish("widget.touched", message);
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> broker.messageCount("commons-test.widget-events.dlq") > before);
        } finally {
            log.removeHandler(capture);
        }
        assertThat(TestDb.count("SELECT count(*) FROM test_effect WHERE subject = ?", subject)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_inbox WHERE event_id = ?", id)).isZero();
        assertThat(errors).anySatisfy(line -> assertThat(line).contains("older than the inbox horizon")
                .contains(id.toString()));
    }

    @Test
    void aMessageJustInsideTheHorizonIsAppliedOnceEvenWhenDeliveredTwice() throws Exception {
        String subject = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        OffsetDateTime written = OffsetDateTime.now(ZoneOffset.UTC).minus(config.inbox())
                .plus(config.clockSkew()).plusMinutes(10);
        try (TestBroker broker = new TestBroker()) {
            broker.publish("widget.touched", event(id, subject, written));
            broker.publish("widget.touched", event(id, subject, written));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> TestDb.count(
                "SELECT count(*) FROM platform_inbox WHERE event_id = ?", id) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestDb.count(
                "SELECT count(*) FROM test_effect WHERE subject = ?", subject) == 1);
        assertThat(TestDb.single("SELECT applications FROM test_effect WHERE subject = ?", subject)).isEqualTo(1);
    }

    /** Runs reactive work on a Vert.x context, as the scheduler does. */
    private static <T> T onVertx(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID outboxRow(String occurredAt, String sentAt) {
        UUID id = UUID.randomUUID();
        TestDb.execute(insertOutbox(id, occurredAt, sentAt));
        return id;
    }

    /** A probe row: its type is bound to no queue, so when the relay sends it nothing consumes it. */
    private static String insertOutbox(UUID id, String occurredAt, String sentAt) {
        return "INSERT INTO platform_outbox (id, type, source, subject, occurred_at, payload, sent_at) VALUES ('"
                + id + "', 'retention.probe', '/commons-test', '" + UUID.randomUUID() + "', " + occurredAt
                + ", '{}'::jsonb, " + (sentAt == null ? "NULL" : sentAt) + ")";
    }

    private static UUID inboxRow(String processedAt) {
        UUID id = UUID.randomUUID();
        TestDb.execute("INSERT INTO platform_inbox (consumer, event_id, event_type, processed_at) VALUES ("
                + "'retention-probe', '" + id + "', 'widget.touched', " + processedAt + ")");
        return id;
    }

    private static List<UUID> outboxIds() {
        return TestDb.rows("SELECT id FROM platform_outbox").stream().map(r -> (UUID) r.get(0)).toList();
    }

    private static byte[] event(UUID id, String subject, OffsetDateTime time) {
        String data = "{\"widgetId\":\"" + subject + "\",\"partnerId\":\"" + UUID.randomUUID()
                + "\",\"name\":\"replayed\",\"n\":1}";
        return CloudEventCodec.encode(id, "widget.touched", "/commons-test", subject, time, data);
    }
}

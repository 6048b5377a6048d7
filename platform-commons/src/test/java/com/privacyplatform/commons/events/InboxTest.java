package com.privacyplatform.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxTest {

    @Inject
    MeterRegistry meters;

    /** platform_events_consumer_failures_total of the test consumer for {@code reason} (issue 17.2). */
    private double failures(String reason) {
        Counter counter = meters.find("platform.events.consumer.failures").tag("consumer", "commons-test")
                .tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        String subject = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        byte[] event = event(eventId, subject, "dup", 1);
        byte[] sentinel = event(UUID.randomUUID(), subject, "sentinel", 2);
        try (TestBroker broker = new TestBroker()) {
            broker.publish("widget.touched", event);
            broker.publish("widget.touched", event);
            broker.publish("widget.touched", sentinel);
        }
        // the queue is consumed in order: once the sentinel is applied, both copies were handled
        await().atMost(Duration.ofSeconds(20)).until(() -> TestDb.count(
                "SELECT count(*) FROM test_effect WHERE subject = ? AND n = 2", subject) == 1);
        assertThat(TestDb.single("SELECT applications FROM test_effect WHERE subject = ? AND n = 1", subject))
                .isEqualTo(1);
        assertThat(TestDb.count("SELECT count(*) FROM platform_inbox WHERE consumer = 'commons-test'"
                + " AND event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void aHandlerThatKeepsFailingEndsInTheDeadLetterQueueAndChangesNothing() throws Exception {
        String subject = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        try (TestBroker broker = new TestBroker()) {
            long before = broker.messageCount("commons-test.widget-events.dlq");
            double failuresBefore = failures("handler");
            broker.publish("widget.touched", event(id, subject, "poison", 7));
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> broker.messageCount("commons-test.widget-events.dlq") > before);
            // the failed deliveries are counted (the first and any redelivery up to the limit)
            assertThat(failures("handler") - failuresBefore).isGreaterThanOrEqualTo(1);
        }
        assertThat(TestDb.count("SELECT count(*) FROM test_effect WHERE subject = ?", subject)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_inbox WHERE event_id = ?", id))
                .as("a failed handling leaves no inbox mark, so a later redelivery would be applied").isZero();
    }

    @Test
    void aMessageThatIsNoCloudEventIsDeadLetteredAndTheConsumerKeepsGoing() throws Exception {
        String subject = UUID.randomUUID().toString();
        try (TestBroker broker = new TestBroker()) {
            long before = broker.messageCount("commons-test.widget-events.dlq");
            double unreadableBefore = failures("unreadable");
            broker.publish("widget.touched", "{not json".getBytes());
            broker.publish("widget.touched", event(UUID.randomUUID(), subject, "fine", 3));
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> broker.messageCount("commons-test.widget-events.dlq") > before);
            assertThat(failures("unreadable") - unreadableBefore).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> TestDb.count(
                "SELECT count(*) FROM test_effect WHERE subject = ?", subject) == 1);
    }

    private static byte[] event(UUID id, String subject, String name, int n) {
        String data = "{\"widgetId\":\"" + subject + "\",\"partnerId\":\"" + UUID.randomUUID()
                + "\",\"name\":\"" + name + "\",\"n\":" + n + "}";
        return CloudEventCodec.encode(id, "widget.touched", "/commons-test", subject,
                OffsetDateTime.now(ZoneOffset.UTC), data);
    }
}

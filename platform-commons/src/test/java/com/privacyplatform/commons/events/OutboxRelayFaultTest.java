package com.privacyplatform.commons.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.commons.support.Widgets;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Per-aggregate order (README "Guarantees": the relay keeps the commit-sequence order) while the relay's
 * broker connection is cut again and again in the middle of its batches - what a broker-side heartbeat
 * timeout does to a relay whose JVM was stopped for a while. Events may reach the exchange twice (a batch
 * whose confirm was lost is sent again), but never one before an earlier event of its aggregate, none is
 * lost, and the consumer applies each once, in the order written.
 */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
class OutboxRelayFaultTest {

    private static final int EVENTS = 4000;
    /** {@code OutboxRelay}'s advisory lock: one relay per database. */
    private static final long RELAY_LOCK = 0x0b0c_0001L;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eventsOfOneAggregateReachTheExchangeInTheOrderWrittenWhileTheRelaysConnectionIsCut() throws Exception {
        String id = Widgets.create("cut-" + UUID.randomUUID());
        try (TestBroker broker = new TestBroker()) {
            String tap = broker.tap("widget.touched");
            RelayConnectionCutter cutter;
            try (Connection relayLock = TestDb.connect()) {
                // the relay waits (its advisory lock is taken) until the backlog is written and the cutter armed
                relayLock.createStatement().execute("SELECT pg_advisory_lock(" + RELAY_LOCK + ")");
                // one transaction: the relay drains it in batches, each of which a cut may hit
                given().post("/test/widgets/" + id + "/touches/bulk?count=" + EVENTS).then().statusCode(204);
                cutter = RelayConnectionCutter.start();
                cutter.awaitArmed();
                relayLock.createStatement().execute("SELECT pg_advisory_unlock(" + RELAY_LOCK + ")");
                relayLock.createStatement().execute("NOTIFY " + OutboxRelay.CHANNEL); // wakes the relay now
            }
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (unsent(id) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            } finally {
                cutter.stop();
            }
            assertThat(cutter.cuts()).as("connections cut while the backlog drained").isPositive();
            assertThat(unsent(id)).as("every event confirmed and marked sent").isZero();

            List<Integer> arrivals = arrivals(broker, tap, id);
            List<Integer> firstArrivals = new ArrayList<>(new LinkedHashSet<>(arrivals));
            assertThat(firstArrivals).as("first arrival of each event at the exchange (%d messages, %d cuts)",
                    arrivals.size(), cutter.cuts()).isSorted();
            assertThat(firstArrivals).containsExactlyElementsOf(IntStream.rangeClosed(1, EVENTS).boxed().toList());
        }
        awaitApplied(id);
        List<Integer> applied = TestDb.rows("SELECT n FROM test_effect WHERE event_type = 'widget.touched'"
                + " AND subject = ? ORDER BY applied_order", id).stream().map(r -> (Integer) r.get(0)).toList();
        assertThat(applied).as("applied in the order written").isSorted().hasSize(EVENTS);
        assertThat(TestDb.count("SELECT count(*) FROM test_effect WHERE subject = ? AND applications <> 1", id))
                .as("none applied twice").isZero();
    }

    /**
     * A batch the broker refuses (a nack: here a queue that takes nothing, as a full queue with
     * {@code reject-publish} would) stays pending, and the relay sends it again once the broker takes it -
     * it does not stop relaying because one confirm failed.
     */
    @Test
    void theRelayGoesOnAfterTheBrokerRefusedABatch() throws Exception {
        String id = Widgets.create("refused-" + UUID.randomUUID());
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("localhost");
        try (com.rabbitmq.client.Connection refusing = factory.newConnection("commons-test-refusing-queue")) {
            Channel channel = refusing.createChannel();
            String queue = channel.queueDeclare("", false, true, true,
                    Map.of("x-max-length", 0, "x-overflow", "reject-publish")).getQueue();
            channel.queueBind(queue, TestBroker.EXCHANGE, "widget.touched");
            given().post("/test/widgets/" + id + "/touches?n=1").then().statusCode(204);
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count("SELECT count(*) FROM platform_outbox"
                    + " WHERE type = 'widget.touched' AND subject = ? AND last_error IS NOT NULL", id) == 1);
        } // the refusing queue goes with its connection
        await().atMost(Duration.ofSeconds(30)).until(() -> unsent(id) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count("SELECT count(*) FROM test_effect"
                + " WHERE event_type = 'widget.touched' AND subject = ?", id) == 1);
    }

    private static long unsent(String id) {
        return TestDb.count("SELECT count(*) FROM platform_outbox WHERE type = 'widget.touched' AND subject = ?"
                + " AND sent_at IS NULL", id);
    }

    /** The {@code n} of every copy of the aggregate's events that reached the tap, in arrival order. */
    private List<Integer> arrivals(TestBroker broker, String tap, String id) throws Exception {
        List<Integer> arrivals = new ArrayList<>();
        GetResponse message;
        while ((message = broker.next(tap, Duration.ofSeconds(3))) != null) {
            JsonNode event = json.readTree(message.getBody());
            if (event.get("subject").asText().equals(id)) {
                arrivals.add(event.get("data").get("n").asInt());
            }
        }
        return arrivals;
    }

    private static void awaitApplied(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (TestDb.count("SELECT count(*) FROM test_effect WHERE event_type = 'widget.touched' AND subject = ?",
                id) < EVENTS && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /**
     * Cuts the relay's broker connection (a TCP reset, {@code ss -K}) over and over until stopped, like a
     * network failure or a broker that gave up on a silent client. Which of this JVM's broker connections
     * is the relay's is asked of the broker once (client-provided name); the others are left alone.
     */
    static final class RelayConnectionCutter {

        private static final int MAX_CUTS = 12;

        private final Thread thread;
        private final CountDownLatch armed = new CountDownLatch(1);
        private volatile boolean running = true;
        private volatile int cuts;

        private RelayConnectionCutter() {
            thread = new Thread(this::run, "relay-connection-cutter");
        }

        static RelayConnectionCutter start() {
            RelayConnectionCutter cutter = new RelayConnectionCutter();
            cutter.thread.start();
            return cutter;
        }

        /** Until the relay's connection was told apart from this JVM's other broker connections. */
        void awaitArmed() throws InterruptedException {
            assertThat(armed.await(60, TimeUnit.SECONDS)).as("the relay's broker connection found").isTrue();
        }

        int cuts() {
            return cuts;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private void run() {
            try {
                Set<Integer> others = othersThanTheRelay();
                armed.countDown();
                while (running && cuts < MAX_CUTS) {
                    for (int port : LocalSockets.portsConnectedTo(5672)) {
                        if (!others.contains(port)) {
                            run("ss", "-K", "-tn", "sport", "=", ":" + port, "dport", "=", ":5672");
                            cuts++;
                        }
                    }
                    // a connection lives a little while: some batches get through between the cuts
                    Thread.sleep(ThreadLocalRandom.current().nextLong(50, 400));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static Set<Integer> othersThanTheRelay() throws Exception {
            while (true) {
                Set<Integer> ours = LocalSockets.portsConnectedTo(5672);
                Set<Integer> relay = new HashSet<>();
                for (String line : TestBroker.rabbitmqctl("-q", "list_connections", "peer_port", "client_properties")
                        .split("\n")) {
                    String[] columns = line.split("\t");
                    if (columns.length >= 2 && columns[0].trim().matches("\\d+")
                            && columns[1].contains("\"connection_name\",\"" + BrokerConnection.CONNECTION_NAME + "\"")) {
                        relay.add(Integer.parseInt(columns[0].trim()));
                    }
                }
                relay.retainAll(ours);
                if (!relay.isEmpty()) {
                    ours.removeAll(relay);
                    return ours;
                }
                Thread.sleep(200);
            }
        }

        private static void run(String... command) throws Exception {
            List<String> line = List.of(command);
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + out);
            }
        }
    }
}

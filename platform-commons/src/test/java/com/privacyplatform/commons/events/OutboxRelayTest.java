package com.privacyplatform.commons.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import com.privacyplatform.commons.support.Widgets;
import com.rabbitmq.client.GetResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
class OutboxRelayTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void committedEventReachesTheExchangeAsPersistentCloudEvent() throws Exception {
        try (TestBroker broker = new TestBroker()) {
            String queue = broker.tap("widget.created");
            String id = Widgets.create("relay-" + UUID.randomUUID());

            GetResponse message = awaitMessageFor(broker, queue, id);
            assertThat(message.getProps().getContentType()).isEqualTo("application/cloudevents+json");
            assertThat(message.getProps().getDeliveryMode()).isEqualTo(2);
            assertThat(message.getEnvelope().getRoutingKey()).isEqualTo("widget.created");
            JsonNode event = json.readTree(message.getBody());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("type").asText()).isEqualTo("widget.created");
            assertThat(event.get("source").asText()).isEqualTo("/commons-test");
            assertThat(event.get("subject").asText()).isEqualTo(id);
            assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(UUID.fromString(event.get("id").asText()).version()).isEqualTo(7);
            assertThat(event.get("time").asText()).endsWith("Z");
            assertThat(event.get("data").get("widgetId").asText()).isEqualTo(id);
            assertThat(message.getProps().getMessageId()).isEqualTo(event.get("id").asText());

            await().atMost(Duration.ofSeconds(10)).until(() -> TestDb.count(
                    "SELECT count(*) FROM platform_outbox WHERE subject = ? AND sent_at IS NOT NULL", id) == 1);
        }
    }

    @Test
    void rolledBackTransactionLeavesNoEventBehind() throws Exception {
        String name = "rollback-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"size\":1}")
                .post("/test/widgets")
                .then().statusCode(409);
        // a later, committed event arrives, proving the relay and consumer ran after the rollback
        String later = Widgets.create("after-rollback-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(20)).until(() -> TestDb.count(
                "SELECT count(*) FROM test_effect WHERE subject = ?", later) == 1);

        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE payload->>'name' = ?", name)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM test_widget WHERE name = ?", name)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'widget.created'"
                + " AND target_id NOT IN (SELECT id::text FROM test_widget)")).isZero();
    }

    @Test
    void eventsOfOneAggregateAreAppliedInTheOrderWritten() {
        String id = Widgets.create("ordered-" + UUID.randomUUID());
        for (int n = 1; n <= 25; n++) {
            given().post("/test/widgets/" + id + "/touches?n=" + n).then().statusCode(204);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count(
                "SELECT count(*) FROM test_effect WHERE event_type = 'widget.touched' AND subject = ?", id) == 25);
        List<Integer> order = TestDb.rows("SELECT n FROM test_effect WHERE event_type = 'widget.touched'"
                + " AND subject = ? ORDER BY applied_order", id).stream().map(r -> (Integer) r.get(0)).toList();
        assertThat(order).isSorted().hasSize(25);
    }

    /**
     * Issue 18.1: the relay works through a backlog from where its last batch ended; an event committed
     * late below that place (its seq drawn before the backlog's) is found by the next scan from the start.
     */
    @Test
    void anEventCommittedLateBelowTheRelaysPlaceInABacklogIsStillSent() throws Exception {
        String id = Widgets.create("backlog-" + UUID.randomUUID());
        UUID late = Ids.newId();
        try (Connection connection = TestDb.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO platform_outbox (id, type,"
                    + " source, subject, occurred_at, payload)"
                    + " VALUES (?, 'test.late', '/commons-test', ?, now(), '{}')")) {
                insert.setObject(1, late);
                insert.setString(2, id);
                insert.executeUpdate();
            }
            // a backlog written and committed behind the open transaction's seq
            given().post("/test/widgets/" + id + "/touches/bulk?count=2300").then().statusCode(204);
            await().atMost(Duration.ofSeconds(60)).until(() -> TestDb.count("SELECT count(*) FROM platform_outbox"
                    + " WHERE type = 'widget.touched' AND subject = ? AND sent_at IS NOT NULL", id) >= 300);
            connection.commit();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDb.count(
                "SELECT count(*) FROM platform_outbox WHERE id = ? AND sent_at IS NOT NULL", late) == 1);
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox o JOIN platform_outbox l ON l.id = ?"
                + " WHERE o.type = 'widget.touched' AND o.subject = ? AND o.seq > l.seq", late, id))
                .as("the backlog's events were drawn after the late one").isEqualTo(2300);
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDb.count("SELECT count(*) FROM platform_outbox"
                + " WHERE type = 'widget.touched' AND subject = ? AND sent_at IS NOT NULL", id) == 2300);
    }

    private GetResponse awaitMessageFor(TestBroker broker, String queue, String subject) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            GetResponse message = broker.next(queue, Duration.ofSeconds(1));
            if (message != null && json.readTree(message.getBody()).get("subject").asText().equals(subject)) {
                return message;
            }
        }
        throw new AssertionError("no event for " + subject + " reached the exchange");
    }
}

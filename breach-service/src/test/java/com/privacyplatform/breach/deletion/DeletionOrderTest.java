package com.privacyplatform.breach.deletion;

import static com.privacyplatform.breach.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.breach.support.As;
import com.privacyplatform.breach.support.Incidents;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 3.4.j: the officer requires deletion of the affected information; dsr-service receives the order. */
@QuarkusTest
class DeletionOrderTest {

    /** The queue dsr-service will consume deletion orders from, declared as the platform declares consumer queues. */
    static final String DSR_QUEUE = "dsr-service.breach-orders";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Verifies(value = "3.4.j", exercises = {"DeletionOrderResource#order", "DeletionOrderService#order"})
    void aDeletionOrderReachesDsrServicesQueue() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("localhost");
        try (Connection connection = factory.newConnection("breach-service-test");
                Channel channel = connection.createChannel()) {
            boolean created = declareDsrQueue(connection);
            channel.queueBind(DSR_QUEUE, TestBroker.EXCHANGE, "breach.deletion-ordered");
            try {
                String incident = report().with("categories", List.of("user.financial.transaction", "user.name"))
                        .create();
                String orderId = As.officer().body(Map.of("categories", List.of("user.financial.transaction"),
                                "reason", "Delete copies sent to li.wei@example.com"))
                        .post("/incidents/" + incident + "/deletion-orders").then().statusCode(201)
                        .header("Location", matchesPattern(".*/incidents/" + incident + "/deletion-orders/.+"))
                        .body("partnerId", equalTo(As.PARTNER_A))
                        .extract().path("id");

                JsonNode event = next(channel, incident);
                assertThat(event.get("type").asText()).isEqualTo("breach.deletion-ordered");
                assertThat(event.get("source").asText()).isEqualTo("/breach-service");
                JsonNode data = event.get("data");
                assertThat(data.get("orderId").asText()).isEqualTo(orderId);
                assertThat(data.get("incidentId").asText()).isEqualTo(incident);
                assertThat(data.get("partnerId").asText()).isEqualTo(As.PARTNER_A);
                assertThat(data.get("categories").toString()).isEqualTo("[\"user.financial.transaction\"]");
                assertThat(data.get("reason").asText()).isEqualTo("Delete copies sent to l***@example.com");
                assertThat(Incidents.timelineKinds(incident)).contains("DELETION_ORDERED");
            } finally {
                if (created) {
                    channel.queueDelete(DSR_QUEUE); // leave the broker as it was: dsr-service declares its own
                }
            }
        }
    }

    @Test
    void deletionOrdersNeedAnOfficerKnownCategoriesAndAnExistingIncident() {
        String incident = report().create();
        String path = "/incidents/" + incident + "/deletion-orders";
        Map<String, Object> ok = Map.of("categories", List.of("user.name"), "reason", "delete the copies");
        As.partnerA().body(ok).post(path).then().statusCode(403);
        As.auditor().body(ok).post(path).then().statusCode(403);
        As.anonymous().body(ok).post(path).then().statusCode(401);
        As.officer().body(Map.of("categories", List.of("user.unknown"), "reason", "r")).post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("categories[0]"));
        As.officer().body(Map.of("categories", List.of(), "reason", "r")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("categories"));
        As.officer().body(Map.of("categories", List.of("user.name"))).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        As.officer().body(ok).post("/incidents/" + UUID.randomUUID() + "/deletion-orders").then().statusCode(404);
        assertThat(TestDb.count("SELECT count(*) FROM deletion_order WHERE incident_id = ?::uuid", incident)).isZero();
    }

    @Test
    void thePartnerReadsTheDeletionOrdersOfItsOwnIncidents() {
        String incident = report().create();
        String path = "/incidents/" + incident + "/deletion-orders";
        String orderId = As.officer().header("Idempotency-Key", "del-" + incident)
                .body(Map.of("categories", List.of("user.name"), "reason", "delete the copies")).post(path).then()
                .statusCode(201).extract().path("id");
        As.officer().header("Idempotency-Key", "del-" + incident)
                .body(Map.of("categories", List.of("user.name"), "reason", "delete the copies")).post(path).then()
                .statusCode(201).body("id", equalTo(orderId));
        As.partnerA().get(path).then().statusCode(200).body("", hasSize(1)).body("[0].categories[0]",
                equalTo("user.name"));
        As.partnerA().get(path + "/" + orderId).then().statusCode(200).body("reason", equalTo("delete the copies"));
        As.auditor().get(path + "/" + orderId).then().statusCode(200);
        As.partnerA().get(path + "/" + UUID.randomUUID()).then().statusCode(404);
        As.partnerB().get(path).then().statusCode(404);
        As.subject().get(path).then().statusCode(403);
    }

    /** Declares the queue like the platform's consumers do (quorum, delivery limit, dead-letter) unless it exists. */
    private static boolean declareDsrQueue(Connection connection) throws IOException {
        try (Channel probe = connection.createChannel()) {
            probe.queueDeclarePassive(DSR_QUEUE);
            return false;
        } catch (IOException | java.util.concurrent.TimeoutException notThere) {
            try (Channel channel = connection.createChannel()) {
                channel.queueDeclare(DSR_QUEUE, true, false, false, Map.of("x-queue-type", "quorum",
                        "x-delivery-limit", 3, "x-dead-letter-exchange", "DLX", "x-dead-letter-routing-key", DSR_QUEUE));
                return true;
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IOException(e);
            }
        }
    }

    /** The deletion order of this incident, leaving other messages for their consumer. */
    private static JsonNode next(Channel channel, String incident) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            GetResponse message = channel.basicGet(DSR_QUEUE, false);
            if (message == null) {
                Thread.sleep(50);
                continue;
            }
            JsonNode event = JSON.readTree(message.getBody());
            if (incident.equals(event.path("subject").asText())) {
                channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
                return event;
            }
            channel.basicNack(message.getEnvelope().getDeliveryTag(), false, true);
        }
        throw new AssertionError("no deletion order for " + incident + " in " + DSR_QUEUE);
    }
}

package com.privacyplatform.breach.emergency;

import static com.privacyplatform.breach.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.breach.support.As;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.EventTap;
import com.privacyplatform.testing.MovableClock;
import com.privacyplatform.breach.support.Incidents;
import com.privacyplatform.breach.support.Scans;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 3.4.j emergency measures: each order and its end reach the broker for the gateway to enforce. */
@QuarkusTest
class EmergencyOrderTest {

    @Inject
    EmergencyOrderExpiryScanner expiry;

    @Inject
    MovableClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    @Verifies(value = {"3.4.j", "5.2"}, exercises = {"EmergencyOrderExpiryScanner#scan", "EmergencyOrderService#order", "EmergencyOrderResource#order"})
    void aFlowRestraintReachesTheGatewayAtOnceAndSoDoesItsLifting() {
        String partner = UUID.randomUUID().toString();
        String expires = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        try (EventTap events = new EventTap("partner.#")) {
            String orderId = As.officer().body(order(partner, "FLOW_RESTRAINT", Map.of("requestsPerSecond", 5,
                            "expiresAt", expires))).post("/emergency-orders").then().statusCode(201)
                    .header("Location", matchesPattern(".*/emergency-orders/[0-9a-f-]{36}"))
                    .body("state", equalTo("ACTIVE")).body("requestsPerSecond", equalTo(5))
                    .extract().path("id");
            As.officer().body(Map.of("reason", "fix deployed")).post("/emergency-orders/" + orderId + "/lifting")
                    .then().statusCode(200).body("state", equalTo("LIFTED")).body("endReason", equalTo("fix deployed"));

            List<JsonNode> received = events.forSubject(partner, 2, Duration.ofSeconds(10));
            assertThat(received).extracting(e -> e.get("type").asText())
                    .containsExactly("partner.interface-restricted", "partner.interface-restored");
            JsonNode restricted = received.get(0).get("data");
            assertThat(restricted.get("orderId").asText()).isEqualTo(orderId);
            assertThat(restricted.get("partnerId").asText()).isEqualTo(partner);
            assertThat(restricted.get("kind").asText()).isEqualTo("FLOW_RESTRAINT");
            assertThat(restricted.get("requestsPerSecond").asInt()).isEqualTo(5);
            assertThat(restricted.get("expiresAt").asText()).isEqualTo(expires);
            assertThat(restricted.get("reason").asText()).isEqualTo("Leak reported by ****5678");
            JsonNode restored = received.get(1).get("data");
            assertThat(restored.get("orderId").asText()).isEqualTo(orderId);
            assertThat(restored.get("reason").asText()).isEqualTo("LIFTED");
        }
    }

    @Test
    @Verifies(value = "3.4.j", exercises = {"EmergencyOrderExpiryScanner#scan", "EmergencyOrderService#order", "EmergencyOrderResource#order"})
    void anExpiredOrderIsRestoredOnceByTheExpiryScan() {
        String partner = UUID.randomUUID().toString();
        try (EventTap events = new EventTap("partner.#")) {
            String orderId = As.officer().body(order(partner, "FREQUENCY_RESTRAINT", Map.of("requestsPerPeriod", 100,
                            "period", "PT1M", "expiresAt", Instant.now().plus(1, ChronoUnit.HOURS).toString())))
                    .post("/emergency-orders").then().statusCode(201).body("period", equalTo("PT1M"))
                    .extract().path("id");
            clock.advance(Duration.ofHours(1).plusMinutes(1)); // past its expiry
            assertThat(Scans.run(expiry::scan)).isGreaterThanOrEqualTo(1);
            Scans.run(expiry::scan);
            List<JsonNode> received = events.allFor(partner, Duration.ofSeconds(3));
            assertThat(received).extracting(e -> e.get("type").asText() + " " + e.get("data").path("reason").asText())
                    .containsExactly("partner.interface-restricted Leak reported by ****5678",
                            "partner.interface-restored EXPIRED");
            assertThat(received.get(0).get("data").get("requestsPerPeriod").asInt()).isEqualTo(100);
            assertThat(received.get(0).get("data").get("period").asText()).isEqualTo("PT1M");
            As.auditor().get("/emergency-orders/" + orderId).then().statusCode(200)
                    .body("state", equalTo("EXPIRED")).body("endedBy", equalTo("system:breach-service"));
            As.officer().body(Map.of("reason", "again")).post("/emergency-orders/" + orderId + "/lifting").then()
                    .statusCode(409);
        }
    }

    @Test
    void anOrderNamingAnIncidentIsOnItsTimeline() {
        String incident = report().create();
        String orderId = As.officer().body(order(As.PARTNER_A, "DATA_ACCESS_SUSPENSION", Map.of("incidentId", incident)))
                .post("/emergency-orders").then().statusCode(201).body("incidentId", equalTo(incident))
                .extract().path("id");
        As.officer().body(Map.of("reason", "investigation done")).post("/emergency-orders/" + orderId + "/lifting")
                .then().statusCode(200);
        assertThat(Incidents.timelineKinds(incident)).containsSubsequence("EMERGENCY_ORDERED", "EMERGENCY_LIFTED");
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_type = 'emergency-order'"
                + " AND target_id = ?", orderId)).isEqualTo(2);
    }

    @Test
    void eachKindTakesExactlyItsOwnLimits() {
        String partner = UUID.randomUUID().toString();
        String incidentOfA = report().create();
        bad(order(partner, "FLOW_RESTRAINT", Map.of()), "requestsPerSecond");
        bad(order(partner, "FLOW_RESTRAINT", Map.of("requestsPerSecond", 0)), "requestsPerSecond");
        bad(order(partner, "FREQUENCY_RESTRAINT", Map.of("requestsPerPeriod", 10)), "period");
        bad(order(partner, "FREQUENCY_RESTRAINT", Map.of("requestsPerPeriod", 10, "period", "1 minute")), "period");
        bad(order(partner, "FREQUENCY_RESTRAINT", Map.of("requestsPerPeriod", 10, "period", "P2D")), "period");
        bad(order(partner, "TEMPORARY_CLOSURE", Map.of("requestsPerSecond", 5)), "requestsPerSecond");
        bad(order(partner, "TEMPORARY_CLOSURE", Map.of("expiresAt", Instant.now().minusSeconds(60).toString())),
                "expiresAt");
        bad(order(partner, "SHUTDOWN", Map.of()), "kind");
        bad(order(partner, "TEMPORARY_CLOSURE", Map.of("incidentId", incidentOfA)), "incidentId");
        Map<String, Object> noReason = order(partner, "TEMPORARY_CLOSURE", Map.of());
        noReason.remove("reason");
        bad(noReason, "reason");
        assertThat(TestDb.count("SELECT count(*) FROM emergency_order WHERE partner_id = ?::uuid", partner)).isZero();
    }

    @Test
    void aPartnerHasOneActiveOrderOfEachKind() {
        String partner = UUID.randomUUID().toString();
        String first = As.officer().body(order(partner, "TEMPORARY_CLOSURE", Map.of())).post("/emergency-orders")
                .then().statusCode(201).extract().path("id");
        As.officer().body(order(partner, "TEMPORARY_CLOSURE", Map.of())).post("/emergency-orders").then()
                .statusCode(409).body("detail", equalTo("the partner already has an ACTIVE TEMPORARY_CLOSURE order;"
                        + " lift it before ordering another"));
        As.officer().body(order(partner, "DATA_ACCESS_SUSPENSION", Map.of())).post("/emergency-orders").then()
                .statusCode(201);
        As.officer().body(Map.of("reason", "reopened")).post("/emergency-orders/" + first + "/lifting").then()
                .statusCode(200);
        As.officer().body(Map.of("reason", "twice")).post("/emergency-orders/" + first + "/lifting").then()
                .statusCode(409);
        As.officer().body(order(partner, "TEMPORARY_CLOSURE", Map.of())).post("/emergency-orders").then()
                .statusCode(201);
        As.officer().queryParams(Map.of("partnerId", partner, "active", "true")).get("/emergency-orders").then()
                .statusCode(200).body("items", hasSize(2)).body("items.state", everyItem(equalTo("ACTIVE")));
        As.officer().queryParams(Map.of("partnerId", partner, "active", "false")).get("/emergency-orders").then()
                .statusCode(200).body("items.id", equalTo(List.of(first)));
    }

    @Test
    @Verifies("3.4.f")
    void onlyOfficersOrderAndLiftAndPartnersSeeOnlyTheirOwnOrders() {
        String other = UUID.randomUUID().toString();
        String othersOrder = As.officer().body(order(other, "TEMPORARY_CLOSURE", Map.of())).post("/emergency-orders")
                .then().statusCode(201).extract().path("id");
        String ownOrder = As.officer().body(order(As.PARTNER_B, "FLOW_RESTRAINT", Map.of("requestsPerSecond", 50)))
                .post("/emergency-orders").then().statusCode(201).extract().path("id");
        Map<String, Object> body = order(other, "TEMPORARY_CLOSURE", Map.of());
        As.partnerB().body(body).post("/emergency-orders").then().statusCode(403);
        As.auditor().body(body).post("/emergency-orders").then().statusCode(403);
        As.subject().body(body).post("/emergency-orders").then().statusCode(403);
        As.anonymous().body(body).post("/emergency-orders").then().statusCode(401);
        As.partnerB().body(Map.of("reason", "x")).post("/emergency-orders/" + ownOrder + "/lifting").then()
                .statusCode(403);
        As.auditor().body(Map.of("reason", "x")).post("/emergency-orders/" + ownOrder + "/lifting").then()
                .statusCode(403);

        As.partnerB().get("/emergency-orders/" + ownOrder).then().statusCode(200)
                .body("reason", equalTo("Leak reported by 13812345678"));
        As.partnerB().get("/emergency-orders/" + othersOrder).then().statusCode(404);
        As.partnerB().queryParam("limit", 500).get("/emergency-orders").then().statusCode(200)
                .body("items.id", hasItem(ownOrder)).body("items.id", not(hasItem(othersOrder)))
                .body("items.partnerId", everyItem(equalTo(As.PARTNER_B)));
        As.partnerB().queryParam("partnerId", other).get("/emergency-orders").then().statusCode(200)
                .body("items", hasSize(0));
        As.auditor().queryParam("partnerId", other).get("/emergency-orders").then().statusCode(200)
                .body("items.id", hasItems(othersOrder)).body("items[0].reason", equalTo("Leak reported by ****5678"));
        As.subject().get("/emergency-orders").then().statusCode(403);
        // the platform's services (the gateway rebuilding its projection) read active orders, and only read
        As.platformService().queryParams(Map.of("partnerId", other, "active", "true")).get("/emergency-orders")
                .then().statusCode(200).body("items.id", equalTo(List.of(othersOrder)));
        As.platformService().body(body).post("/emergency-orders").then().statusCode(403);
        As.officer().queryParam("active", "maybe").get("/emergency-orders").then().statusCode(400)
                .body("errors[0].field", equalTo("active"));
        As.officer().queryParam("partnerId", "acme").get("/emergency-orders").then().statusCode(400);
        As.officer().get("/emergency-orders/" + UUID.randomUUID()).then().statusCode(404);
    }

    static Map<String, Object> order(String partnerId, String kind, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("partnerId", partnerId, "kind", kind,
                "reason", "Leak reported by 13812345678"));
        body.putAll(extra);
        return body;
    }

    private static void bad(Map<String, Object> body, String field) {
        As.officer().body(body).post("/emergency-orders").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}

package com.privacyplatform.breach.metrics;

import static com.privacyplatform.breach.support.Reports.report;
import static com.privacyplatform.testing.Scrape.delta;
import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.breach.support.As;
import com.privacyplatform.commons.metrics.PlatformGauges;
import com.privacyplatform.testing.Scrape;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The breach clocks and emergency orders on the management port (issue 17.2): notification duties
 * move from open to due within 24 hours to late, and a partner under emergency orders counts once
 * until they are lifted - as totals, with no id and no partner label in the scrape.
 */
@QuarkusTest
class BreachMetricsTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    PlatformGauges gauges;

    @Test
    void dutyGaugesMoveWhenAnIncidentIsReportedItsDutiesComeDueAndThenLapse() {
        Scrape before = scrape();
        String incident = report().with("jurisdictions", List.of("DE")).create(); // GDPR: 72 h from discovery
        long duties = TestDb.count("SELECT count(*) FROM notification_duty WHERE incident_id = ?::uuid"
                + " AND state = 'PENDING'", incident);
        assertThat(duties).isPositive();
        Scrape reported = scrape();
        assertThat(delta(before, reported, "platform_breach_duties_due_within24h")).isZero();
        assertThat(delta(before, reported, "platform_breach_duties_late")).isZero();

        dueIn(incident, "interval '2 hours'");
        Scrape due = scrape();
        assertThat(delta(before, due, "platform_breach_duties_due_within24h")).isEqualTo(duties);
        assertThat(delta(before, due, "platform_breach_duties_late")).isZero();

        dueIn(incident, "- interval '1 minute'");
        Scrape late = scrape();
        assertThat(delta(before, late, "platform_breach_duties_late")).isEqualTo(duties);
        assertThat(delta(before, late, "platform_breach_duties_due_within24h")).isZero();

        As.officer().get("/incidents/" + incident).then().statusCode(200);
        Scrape scrape = scrape();
        assertThat(scrape.samples()).anyMatch(s -> s.name().equals("http_server_requests_seconds_count")
                && "/incidents/{id}".equals(s.labels().get("uri")));
        assertThat(scrape.text()).doesNotContain(incident);
        assertThat(scrape.personalLookingLabelValues()).isEmpty();
    }

    @Test
    void aPartnerUnderTwoEmergencyOrdersCountsOnceUntilBothAreLifted() {
        String partner = UUID.randomUUID().toString();
        Scrape before = scrape();
        String closure = order(partner, "TEMPORARY_CLOSURE", Map.of());
        String frequency = order(partner, "FREQUENCY_RESTRAINT", Map.of("requestsPerPeriod", 10, "period", "PT1M"));
        Scrape ordered = scrape();
        assertThat(delta(before, ordered, "platform_breach_partners_under_emergency_order")).isEqualTo(1);
        assertThat(ordered.text()).doesNotContain(partner);
        assertThat(ordered.labelNames()).noneMatch(n -> n.toLowerCase().contains("partner"));

        lift(closure);
        assertThat(delta(before, scrape(), "platform_breach_partners_under_emergency_order")).isEqualTo(1);
        lift(frequency);
        assertThat(delta(before, scrape(), "platform_breach_partners_under_emergency_order")).isZero();
    }

    private static String order(String partner, String kind, Map<String, Object> limits) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("partnerId", partner, "kind", kind,
                "reason", "metrics test"));
        body.putAll(limits);
        return As.officer().body(body).post("/emergency-orders").then().statusCode(201).extract().path("id");
    }

    private static void lift(String order) {
        As.officer().body(Map.of("reason", "metrics test done")).post("/emergency-orders/" + order + "/lifting")
                .then().statusCode(200);
    }

    /** Moves the incident's pending duties' due time to {@code now() <offset>} (their warning an hour before). */
    private static void dueIn(String incident, String offset) {
        String dueAt = offset.startsWith("-") ? "now() " + offset : "now() + " + offset;
        TestDb.execute("UPDATE notification_duty SET due_at = " + dueAt + ", warn_at = " + dueAt
                + " - interval '1 hour' WHERE incident_id = '" + incident + "' AND state = 'PENDING'");
    }

    private Scrape scrape() {
        return Scrape.of(metrics, () -> VertxContextSupport.subscribeAndAwait(() -> gauges.refresh()));
    }
}

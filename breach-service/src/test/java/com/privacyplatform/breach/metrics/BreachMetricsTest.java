package com.privacyplatform.breach.metrics;

import static com.privacyplatform.breach.support.Reports.report;
import static com.privacyplatform.testing.Scrape.delta;
import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.breach.support.As;
import com.privacyplatform.breach.support.Reports;
import com.privacyplatform.commons.metrics.PlatformGauges;
import com.privacyplatform.testing.MovableClock;
import com.privacyplatform.testing.Scrape;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
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

    @Inject
    MovableClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void dutyGaugesMoveWhenAnIncidentIsReportedItsDutiesComeDueAndThenLapse() {
        // GDPR: 72 h from discovery an hour ago. The clock moves to two hours before that, then a minute
        // past it; each scrape there is compared with one taken there before the report (other tests'
        // duties move with the clock too).
        Duration dueInTwoHours = Duration.ofHours(69);
        Duration lapsedAMinuteAgo = Duration.ofHours(71).plusMinutes(1);
        Scrape before = scrape();
        Scrape beforeDue = clock.movedBy(dueInTwoHours, this::scrape);
        Scrape beforeLate = clock.movedBy(lapsedAMinuteAgo, this::scrape);
        String incident = report().with("discoveredAt", Reports.ago(Duration.ofHours(1), ZoneOffset.UTC))
                .with("jurisdictions", List.of("DE")).create();
        long duties = TestDb.count("SELECT count(*) FROM notification_duty WHERE incident_id = ?::uuid"
                + " AND state = 'PENDING'", incident);
        assertThat(duties).isPositive();
        Scrape reported = scrape();
        assertThat(delta(before, reported, "platform_breach_duties_due_within24h")).isZero();
        assertThat(delta(before, reported, "platform_breach_duties_late")).isZero();

        Scrape due = clock.movedBy(dueInTwoHours, this::scrape);
        assertThat(delta(beforeDue, due, "platform_breach_duties_due_within24h")).isEqualTo(duties);
        assertThat(delta(beforeDue, due, "platform_breach_duties_late")).isZero();

        Scrape late = clock.movedBy(lapsedAMinuteAgo, this::scrape);
        assertThat(delta(beforeLate, late, "platform_breach_duties_late")).isEqualTo(duties);
        assertThat(delta(beforeLate, late, "platform_breach_duties_due_within24h")).isZero();

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

    private Scrape scrape() {
        return Scrape.of(metrics, () -> VertxContextSupport.subscribeAndAwait(() -> gauges.refresh()));
    }
}

package com.privacyplatform.dsr.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.commons.metrics.PlatformGauges;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import com.privacyplatform.testing.Scrape;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The deadline gauges on the management port (issue 17.2) follow a request from filed to due within
 * 48 hours to overdue; the scrape carries route templates, not ids, and no partner label.
 * (The queue gauges are tested in platform-commons: this profile's test queues have no dead-letter queue.)
 */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class DsrMetricsTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    PlatformGauges gauges;

    @Test
    void deadlineGaugesMoveWhenARequestIsFiledBecomesDueAndThenOverdue() {
        UUID partner = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        Fixtures.holding(partner, subject, "user.name");
        Scrape before = scrape();

        UUID request = Flows.subjectSubmits(subject, RequestType.DELETION);
        Scrape filed = scrape();
        assertThat(delta(before, filed, "platform_dsr_requests_due_within48h")).isZero(); // due in weeks, not days
        assertThat(delta(before, filed, "platform_dsr_requests_overdue")).isZero();

        dueToday(request);
        Scrape due = scrape();
        assertThat(delta(before, due, "platform_dsr_requests_due_within48h")).isEqualTo(1);
        assertThat(delta(before, due, "platform_dsr_tasks_due_within48h")).isEqualTo(1);
        assertThat(delta(before, due, "platform_dsr_requests_overdue")).isZero();
        assertThat(delta(before, due, "platform_dsr_tasks_overdue")).isZero();

        Fixtures.dueDaysAgo(request, 2);
        Scrape late = scrape();
        assertThat(delta(before, late, "platform_dsr_requests_overdue")).isEqualTo(1);
        assertThat(delta(before, late, "platform_dsr_tasks_overdue")).isEqualTo(1);
        assertThat(delta(before, late, "platform_dsr_requests_due_within48h")).isZero();
        assertThat(delta(before, late, "platform_dsr_tasks_due_within48h")).isZero();
    }

    @Test
    void theScrapeNamesRouteTemplatesAndTheOutboxButNoIdAndNoPartner() {
        UUID partner = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        Fixtures.holding(partner, subject, "user.name");
        UUID request = Flows.subjectSubmits(subject, RequestType.ACCESS);
        given().get("/requests/" + request).then().statusCode(200);
        given().get("/requests/" + UUID.randomUUID()).then().statusCode(404);

        Scrape scrape = scrape();
        assertThat(scrape.samples()).anyMatch(s -> s.name().equals("http_server_requests_seconds_count")
                && "/requests/{id}".equals(s.labels().get("uri")));
        assertThat(scrape.personalLookingLabelValues()).isEmpty();
        assertThat(scrape.text()).doesNotContain(request.toString(), subject, partner.toString());
        assertThat(scrape.labelNames()).noneMatch(n -> n.toLowerCase().contains("partner"));
        assertThat(scrape.value("platform_outbox_pending")).isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("platform_outbox_oldest_unsent_age_seconds")).isGreaterThanOrEqualTo(0);
    }

    private static double delta(Scrape before, Scrape after, String name) {
        return after.value(name) - before.value(name);
    }

    /** The request's and its open tasks' deadline: the end of today (UTC), so within the next 48 hours. */
    private static void dueToday(UUID request) {
        String today = "CAST(now() AT TIME ZONE 'UTC' AS date)";
        TestDb.execute("UPDATE dsr_request SET due_on = " + today + " WHERE id = '" + request + "'",
                "UPDATE dsr_task SET due_on = " + today + ", due_at = CAST(" + today + " + 1 AS timestamp)"
                        + " AT TIME ZONE 'UTC' - interval '1 second' WHERE request_id = '" + request + "'"
                        + " AND status IN ('OPEN', 'CLAIMED')");
    }

    /** Refreshes the gauges now (instead of waiting for the interval), then scrapes the management port. */
    private Scrape scrape() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> gauges.refresh());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return new Scrape(given().get(metrics).then().statusCode(200).extract().asString());
    }
}

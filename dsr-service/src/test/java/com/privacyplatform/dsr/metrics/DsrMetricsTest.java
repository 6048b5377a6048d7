package com.privacyplatform.dsr.metrics;

import static com.privacyplatform.testing.Scrape.delta;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.commons.metrics.PlatformGauges;
import com.privacyplatform.dsr.deadline.Deadlines;
import com.privacyplatform.dsr.request.RequestOrigin;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import com.privacyplatform.testing.MovableClock;
import com.privacyplatform.testing.Scrape;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
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

    @Inject
    MovableClock clock;

    @Inject
    Deadlines deadlines;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void deadlineGaugesMoveWhenARequestIsFiledBecomesDueAndThenOverdue() {
        UUID partner = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        Fixtures.holding(partner, subject, "user.name");
        // the clock moves to the request's due day, then two days past it; each scrape there is compared
        // with one taken there before the request was filed (other tests' requests move with the clock too)
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate dueOn = deadlines.rules().earliest(List.of(), RequestOrigin.SUBJECT.name(), today).dueOn();
        Duration toDueDay = Duration.ofDays(ChronoUnit.DAYS.between(today, dueOn));
        Duration toTwoDaysLate = toDueDay.plusDays(2);
        Scrape before = scrape();
        Scrape beforeDue = clock.movedBy(toDueDay, this::scrape);
        Scrape beforeLate = clock.movedBy(toTwoDaysLate, this::scrape);

        UUID request = Flows.subjectSubmits(subject, RequestType.DELETION);
        given().get("/requests/" + request).then().statusCode(200).body("dueOn", equalTo(dueOn.toString()))
                .body("tasks[0].dueOn", equalTo(dueOn.toString()));
        Scrape filed = scrape();
        assertThat(delta(before, filed, "platform_dsr_requests_due_within48h")).isZero(); // due in weeks, not days
        assertThat(delta(before, filed, "platform_dsr_requests_overdue")).isZero();

        Scrape due = clock.movedBy(toDueDay, this::scrape);
        assertThat(delta(beforeDue, due, "platform_dsr_requests_due_within48h")).isEqualTo(1);
        assertThat(delta(beforeDue, due, "platform_dsr_tasks_due_within48h")).isEqualTo(1);
        assertThat(delta(beforeDue, due, "platform_dsr_requests_overdue")).isZero();
        assertThat(delta(beforeDue, due, "platform_dsr_tasks_overdue")).isZero();

        Scrape late = clock.movedBy(toTwoDaysLate, this::scrape);
        assertThat(delta(beforeLate, late, "platform_dsr_requests_overdue")).isEqualTo(1);
        assertThat(delta(beforeLate, late, "platform_dsr_tasks_overdue")).isEqualTo(1);
        assertThat(delta(beforeLate, late, "platform_dsr_requests_due_within48h")).isZero();
        assertThat(delta(beforeLate, late, "platform_dsr_tasks_due_within48h")).isZero();
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

    /** Refreshes the gauges now (instead of waiting for the interval), then scrapes the management port. */
    private Scrape scrape() {
        return Scrape.of(metrics, () -> VertxContextSupport.subscribeAndAwait(() -> gauges.refresh()));
    }
}

package com.privacyplatform.registry.metrics;

import static com.privacyplatform.testing.Scrape.delta;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.privacyplatform.commons.metrics.PlatformGauges;
import com.privacyplatform.registry.inspection.ComplianceFixtures;
import com.privacyplatform.testing.MovableClock;
import com.privacyplatform.testing.Scrape;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry's oversight gauges on the management port (issue 17.2): a partner's self-inspection
 * and an audit finding count as overdue when their due date passes, and stop counting when the report
 * comes in - totals only, with no id, e-mail or partner label in the scrape.
 */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class RegistryMetricsTest {

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
    void aSelfInspectionCountsOverdueOnceItsDueDatePassesUntilTheReportComesIn() {
        // the clock moves 230 days on: the report due in about five months was due two months ago. Each
        // scrape there is compared with one taken there before (other tests' partners move with the clock).
        Duration later = Duration.ofDays(230);
        Scrape before = scrape();
        Scrape beforeLater = clock.movedBy(later, this::scrape);
        UUID partner = ComplianceFixtures.partner("ACTIVE", 200); // due in about five months
        assertThat(delta(before, scrape(), "platform_registry_self_inspections_overdue")).isZero();

        Scrape overdue = clock.movedBy(later, this::scrape);
        assertThat(delta(beforeLater, overdue, "platform_registry_self_inspections_overdue")).isEqualTo(1);

        Scrape reported = clock.movedBy(later, () -> {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            given().contentType(ContentType.JSON)
                    .body(ComplianceFixtures.report(today.minusYears(1), today.minusDays(1), "PASS", "[]"))
                    .post("/partners/" + partner + "/self-inspections").then().statusCode(201);
            given().get("/partners/" + partner).then().statusCode(200);
            return scrape();
        });
        assertThat(delta(beforeLater, reported, "platform_registry_self_inspections_overdue")).isZero();
        assertThat(reported.samples()).anyMatch(s -> s.name().equals("http_server_requests_seconds_count")
                && "/partners/{id}".equals(s.labels().get("uri")));
        assertThat(reported.text()).doesNotContain(partner.toString());
        assertThat(reported.personalLookingLabelValues()).isEmpty();
        assertThat(reported.labelNames()).noneMatch(n -> n.toLowerCase().contains("partner"));
    }

    @Test
    void anAuditFindingCountsOverdueOnceItsRectificationIsPastDue() {
        // the clock moves 12 days on: the rectification due in 10 days was due two days ago
        Duration later = Duration.ofDays(12);
        UUID partner = ComplianceFixtures.partner("ACTIVE", 30);
        UUID audit = ComplianceFixtures.audit(partner, 10);
        Scrape before = scrape();
        Scrape beforeLater = clock.movedBy(later, this::scrape);
        UUID finding = ComplianceFixtures.finding(audit, partner, "HIGH", true, 10, "OPEN");
        assertThat(delta(before, scrape(), "platform_registry_audit_findings_overdue")).isZero();

        assertThat(delta(beforeLater, clock.movedBy(later, this::scrape), "platform_registry_audit_findings_overdue"))
                .isEqualTo(1);

        TestDb.execute("UPDATE assessment_finding SET status = 'RECTIFICATION_SUBMITTED' WHERE id = '" + finding + "'");
        assertThat(delta(beforeLater, clock.movedBy(later, this::scrape), "platform_registry_audit_findings_overdue"))
                .isZero();
    }

    private Scrape scrape() {
        return Scrape.of(metrics, () -> VertxContextSupport.subscribeAndAwait(() -> gauges.refresh()));
    }
}

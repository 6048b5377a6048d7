package com.privacyplatform.registry.inspection;

import static com.privacyplatform.registry.inspection.ComplianceFixtures.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.EventTap;
import com.privacyplatform.testing.TestDb;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** 3.4.e: due dates, the overdue list and the once-per-due-date partner.inspection-overdue event. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class InspectionOverdueTest {

    @Inject
    InspectionOverdueScanner scanner;

    @Test
    @Verifies(value = "3.4.e", exercises = {"InspectionDueQueries", "OverdueInspectionResource#overdue", "InspectionOverdueScanner#emitDueNotices"})
    void theOverdueListShowsActiveAndSuspendedPartnersPastTheirDueDate() {
        UUID neverReported = ComplianceFixtures.partner("ACTIVE", 730);
        UUID suspended = ComplianceFixtures.partner("SUSPENDED", 400);
        UUID lateAgain = ComplianceFixtures.partner("ACTIVE", 1200);
        LocalDate lastEnd = today().minusMonths(13);
        ComplianceFixtures.inspection(lateAgain, lastEnd.minusYears(1), lastEnd);
        UUID fresh = ComplianceFixtures.partner("ACTIVE", 200);
        UUID reported = ComplianceFixtures.partner("ACTIVE", 900);
        ComplianceFixtures.inspection(reported, today().minusYears(1), today().minusDays(1));
        UUID terminated = ComplianceFixtures.partner("TERMINATED", 900);
        UUID pending = ComplianceFixtures.partner("PENDING", 900);

        Map<String, Map<String, Object>> overdue = allOverdue();
        assertThat(overdue).containsKeys(neverReported.toString(), suspended.toString(), lateAgain.toString())
                .doesNotContainKeys(fresh.toString(), reported.toString(), terminated.toString(), pending.toString());
        LocalDate activated = today().minusDays(730);
        assertThat(overdue.get(neverReported.toString())).containsEntry("dueOn", activated.plusMonths(12).toString())
                .containsEntry("lastPeriodEnd", null).containsEntry("partnerStatus", "ACTIVE")
                .containsEntry("daysOverdue", (int) ChronoUnit.DAYS.between(activated.plusMonths(12), today()));
        assertThat(overdue.get(lateAgain.toString())).containsEntry("dueOn", lastEnd.plusMonths(12).toString())
                .containsEntry("lastPeriodEnd", lastEnd.toString());
        assertThat(overdue.get(suspended.toString())).containsEntry("partnerStatus", "SUSPENDED");
    }

    @Test
    void aNewReportTakesThePartnerOffTheOverdueList() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 500);
        assertThat(allOverdue()).containsKey(partner.toString());
        given().contentType(ContentType.JSON).body(ComplianceFixtures.cleanReport())
                .post("/partners/" + partner + "/self-inspections").then().statusCode(201);
        assertThat(allOverdue()).doesNotContainKey(partner.toString());
    }

    @Test
    @Verifies(value = "3.4.e", exercises = {"InspectionDueQueries", "OverdueInspectionResource#overdue", "InspectionOverdueScanner#emitDueNotices"})
    void anOverdueInspectionIsAnnouncedExactlyOnceAcrossScans() {
        try (EventTap events = new EventTap(InspectionEvents.OVERDUE)) {
            UUID partner = ComplianceFixtures.partner("ACTIVE", 730);
            ComplianceFixtures.scan(scanner);
            ComplianceFixtures.scan(scanner);

            List<JsonNode> received = events.forSubject(partner.toString(), 2, Duration.ofSeconds(6));
            assertThat(received).hasSize(1);
            JsonNode event = received.get(0);
            assertThat(event.get("type").asText()).isEqualTo("partner.inspection-overdue");
            assertThat(event.get("data").get("partnerId").asText()).isEqualTo(partner.toString());
            assertThat(event.get("data").get("dueOn").asText())
                    .isEqualTo(today().minusDays(730).plusMonths(12).toString());
            assertThat(event.get("data").get("lastPeriodEnd").isNull()).isTrue();
        }
    }

    @Test
    void aRolledBackScanLeavesNoNoticeAndNoEventAndTheNextScanEmitsOnce() {
        try (EventTap events = new EventTap(InspectionEvents.OVERDUE)) {
            UUID partner = ComplianceFixtures.partner("ACTIVE", 730);
            assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    scanner.emitDueNotices().chain(n -> Uni.createFrom().failure(new IllegalStateException("boom"))))))
                    .hasMessageContaining("boom");
            assertThat(notices(partner)).isZero();
            assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE subject = ?", partner.toString()))
                    .isZero();

            ComplianceFixtures.scan(scanner);
            assertThat(events.forSubject(partner.toString(), 2, Duration.ofSeconds(6))).hasSize(1);
            assertThat(notices(partner)).isEqualTo(1);
        }
    }

    @Test
    void aNewDueDateIsAnnouncedAgain() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 1200);
        ComplianceFixtures.scan(scanner);
        LocalDate lastEnd = today().minusMonths(14);
        ComplianceFixtures.inspection(partner, lastEnd.minusYears(1), lastEnd);
        ComplianceFixtures.scan(scanner);
        assertThat(notices(partner)).isEqualTo(2);
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ?"
                + " AND action = 'self-inspection.overdue-notified' AND actor_role = 'system'", partner.toString()))
                .isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "partner-a01", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ComplianceFixtures.OWN_SUBMITTER))
    void partnersCannotListOverduePartners() {
        given().get("/self-inspections/overdue").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsPageThroughTheOverdueListInDueDateOrder() {
        ComplianceFixtures.partner("ACTIVE", 700);
        ComplianceFixtures.partner("ACTIVE", 600);
        JsonPath first = given().get("/self-inspections/overdue?limit=1").then().statusCode(200).extract().jsonPath();
        JsonPath second = given().queryParam("cursor", first.getString("nextCursor")).queryParam("limit", 1)
                .get("/self-inspections/overdue").then().statusCode(200).extract().jsonPath();
        String firstKey = first.getString("items[0].dueOn") + first.getString("items[0].partnerId");
        String secondKey = second.getString("items[0].dueOn") + second.getString("items[0].partnerId");
        assertThat(secondKey).isGreaterThan(firstKey);
        given().get("/self-inspections/overdue?limit=0").then().statusCode(400);
        given().queryParam("cursor", "bm90LWEta2V5").get("/self-inspections/overdue").then().statusCode(400);
    }

    private static Map<String, Map<String, Object>> allOverdue() {
        List<Map<String, Object>> items = given().get("/self-inspections/overdue?limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().collect(Collectors.toMap(i -> (String) i.get("partnerId"), i -> i, (a, b) -> a,
                LinkedHashMap::new));
    }

    private static long notices(UUID partner) {
        return TestDb.count("SELECT count(*) FROM overdue_notice WHERE kind = 'self-inspection'"
                + " AND target_id = ?::uuid AND event_id IS NOT NULL", partner.toString());
    }
}

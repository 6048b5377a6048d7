package com.privacyplatform.breach.duty;

import static com.privacyplatform.breach.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.breach.support.As;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.EventTap;
import com.privacyplatform.breach.support.Incidents;
import com.privacyplatform.breach.support.Reports;
import com.privacyplatform.breach.support.Scans;
import com.privacyplatform.testing.MovableClock;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The escalation scan: breach.duty-due when a duty is about to lapse, breach.duty-lapsed once it lapsed - once each. */
@QuarkusTest
class EscalationTest {

    @Inject
    DutyEscalationScanner scanner;

    @Inject
    MovableClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    @Verifies(value = "5.1", exercises = {"DutyReconciler#create", "DutyEscalationScanner#scan", "DutyPlanner#plan"})
    void aDutyAboutToLapseIsAnnouncedOnceAndALapsedDutyOnceAcrossRepeatedScans() {
        // discovered 60 h ago: PIPL's 24 h have lapsed, GDPR's 72 h are in their last 18 h
        String id = report().with("discoveredAt", Reports.ago(Duration.ofHours(60), ZoneOffset.ofHours(8)))
                .with("jurisdictions", List.of("CN", "DE")).create();
        try (EventTap events = new EventTap("breach.#")) {
            Scans.run(scanner::scan);
            Scans.run(scanner::scan);
            List<JsonNode> first = dutyEvents(events.allFor(id, Duration.ofSeconds(3)));
            assertThat(first).extracting(e -> e.get("type").asText() + " " + e.get("data").get("ruleId").asText())
                    .containsExactlyInAnyOrder("breach.duty-lapsed PIPL-57-AUTHORITY",
                            "breach.duty-lapsed PIPL-57-INDIVIDUALS", "breach.duty-due GDPR-33-SA");
            JsonNode due = first.stream().filter(e -> e.get("type").asText().equals("breach.duty-due")).findFirst()
                    .orElseThrow().get("data");
            assertThat(due.get("partnerId").asText()).isEqualTo(As.PARTNER_A);
            assertThat(due.get("source").asText()).isEqualTo("GDPR Art. 33(1)");
            assertThat(due.get("recipient").asText()).isEqualTo("REGULATOR");

            // time passes: the GDPR duty (due in 12 h) lapses as well, and is announced once more - as lapsed
            clock.advance(Duration.ofHours(13));
            Scans.run(scanner::scan);
            Scans.run(scanner::scan);
            List<JsonNode> second = dutyEvents(events.allFor(id, Duration.ofSeconds(3)));
            assertThat(second).extracting(e -> e.get("type").asText() + " " + e.get("data").get("ruleId").asText())
                    .containsExactly("breach.duty-lapsed GDPR-33-SA");
        }
        assertThat(Incidents.duty(id, "GDPR-33-SA")).containsEntry("overdue", true)
                .extractingByKeys("dueNotifiedAt", "lapsedNotifiedAt").doesNotContainNull();
        List<String> kinds = Incidents.timelineKinds(id);
        assertThat(kinds.stream().filter("DUTY_LAPSED"::equals)).hasSize(3);
        assertThat(kinds.stream().filter("DUTY_DUE"::equals)).hasSize(1);
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE subject = ? AND type LIKE 'breach.duty-%'",
                id)).isEqualTo(4);
    }

    @Test
    void overdueDutiesShowInTheOverdueFilterUntilTheyAreDone() {
        String id = report().with("discoveredAt", Reports.ago(Duration.ofHours(26), ZoneOffset.UTC))
                .with("jurisdictions", List.of("CN")).create();
        As.officer().get("/incidents/" + id).then().body("duties.overdue", equalTo(2));
        As.officer().queryParam("overdueDuty", "true").queryParam("limit", 500).get("/incidents").then()
                .statusCode(200).body("items.id", hasItem(id));
        for (String rule : List.of("PIPL-57-AUTHORITY", "PIPL-57-INDIVIDUALS")) {
            As.partnerA().body(Map.of("reference", "notified"))
                    .post("/incidents/" + id + "/duties/" + Incidents.duty(id, rule).get("id") + "/completion")
                    .then().statusCode(200).body("late", equalTo(true));
        }
        As.officer().queryParam("overdueDuty", "true").queryParam("limit", 500).get("/incidents").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        As.officer().get("/incidents/" + id).then().body("duties.overdue", equalTo(0));
    }

    @Test
    void aDutyDoneBeforeItsWarningIsNeverAnnounced() {
        String id = report().with("jurisdictions", List.of("DE")).create();
        String dutyId = (String) Incidents.duty(id, "GDPR-33-SA").get("id");
        As.partnerA().body(Map.of("reference", "notified early"))
                .post("/incidents/" + id + "/duties/" + dutyId + "/completion").then().statusCode(200);
        clock.advance(Duration.ofHours(73)); // past its 72 h
        Scans.run(scanner::scan);
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE subject = ? AND type LIKE 'breach.duty-%'",
                id)).isZero();
    }

    private static List<JsonNode> dutyEvents(List<JsonNode> events) {
        return events.stream().filter(e -> e.get("type").asText().startsWith("breach.duty-")).toList();
    }
}

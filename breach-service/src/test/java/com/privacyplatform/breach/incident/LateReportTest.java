package com.privacyplatform.breach.incident;

import static com.privacyplatform.breach.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.breach.support.As;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.EventTap;
import com.privacyplatform.breach.support.Incidents;
import com.privacyplatform.breach.support.Reports;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 5.1 "immediately notify": reports later than the grace (PT24H) after discoveredAt are flagged. */
@QuarkusTest
class LateReportTest {

    @Test
    void aReportWithinTheGraceIsOnTimeEvenWhenTheAwarenessTimeIsWrittenFarEastOfUtc() {
        String discovered = Reports.ago(Duration.ofHours(23), ZoneOffset.ofHours(14)); // Kiribati: local date is "tomorrow"
        String id = report().with("discoveredAt", discovered).create();
        As.partnerA().get("/incidents/" + id).then().statusCode(200)
                .body("lateReport", equalTo(false))
                .body("reportDelay", startsWith("PT23H"));
        Map<String, Object> platform = Incidents.duty(id, "PLATFORM-5.1");
        assertThat(platform).containsEntry("state", "DONE").containsEntry("late", false)
                .containsEntry("source", "Personal Information Processing Standards 5.1")
                .containsEntry("dueAt", Reports.plus(discovered, Duration.ofHours(24)));
        assertThat(Incidents.timelineKinds(id)).doesNotContain("LATE_REPORT_FLAGGED");
    }

    @Test
    @Verifies(value = "5.1", exercises = {"IncidentResource#report", "IncidentChangeResource#update", "IncidentService#report", "IncidentUpdates#update"})
    void aReportLaterThanTheGraceIsFlaggedOnTheIncidentItsDutyTheTimelineAndTheEvent() {
        String discovered = Reports.ago(Duration.ofHours(25), ZoneOffset.ofHours(-12)); // local date is "yesterday"
        try (EventTap events = new EventTap("breach.reported")) {
            String id = report().with("discoveredAt", discovered).create();
            As.officer().get("/incidents/" + id).then().statusCode(200)
                    .body("lateReport", equalTo(true))
                    .body("reportDelay", startsWith("PT25H"));
            Map<String, Object> platform = Incidents.duty(id, "PLATFORM-5.1");
            assertThat(platform).containsEntry("state", "DONE").containsEntry("late", true)
                    .containsEntry("reference", "incident report " + id);
            assertThat(Incidents.timelineKinds(id)).containsSubsequence("REPORTED", "LATE_REPORT_FLAGGED");
            assertThat(Incidents.timeline(id).getString("items.find { it.kind == 'LATE_REPORT_FLAGGED' }.actor"))
                    .isEqualTo("system:breach-service");

            List<JsonNode> received = events.forSubject(id, 1, Duration.ofSeconds(10));
            assertThat(received).hasSize(1);
            assertThat(received.get(0).get("data").get("lateReport").asBoolean()).isTrue();
            assertThat(received.get(0).get("data").get("reportDelay").asText()).startsWith("PT25H");
        }
    }
}

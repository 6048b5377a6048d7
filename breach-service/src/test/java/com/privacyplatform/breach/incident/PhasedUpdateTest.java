package com.privacyplatform.breach.incident;

import static com.privacyplatform.breach.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.breach.support.As;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.EventTap;
import com.privacyplatform.breach.support.Incidents;
import com.privacyplatform.breach.support.Reports;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Phased reporting (GDPR Art. 33(4)): updates add facts; severity and duties follow. */
@QuarkusTest
class PhasedUpdateTest {

    @Test
    @Verifies(value = {"5.1", "5.1.b"}, exercises = {"IncidentResource#report", "IncidentChangeResource#update", "IncidentService#report", "IncidentUpdates#update"})
    void aSuspectedBreachConfirmedLaterRaisesTheSeverityAndOwesTheSubjectsANotice() {
        String id = report().with("jurisdictions", List.of("DE")).create(); // suspected, user.name, 10: MEDIUM
        assertThat(Incidents.duty(id, "GDPR-34-SUBJECTS")).containsEntry("state", "NOT_REQUIRED");
        String dueBefore = (String) Incidents.duty(id, "GDPR-34-SUBJECTS").get("dueAt");
        try (EventTap events = new EventTap("breach.updated")) {
            As.partnerA().body(Map.of("note", "Forensics confirmed the leak", "kind", "CONFIRMED_BREACH",
                            "categories", List.of("user.name", "user.health"), "affectedSubjects", 2400))
                    .post("/incidents/" + id + "/updates").then().statusCode(200)
                    .body("kind", equalTo("CONFIRMED_BREACH")).body("severity", equalTo("CRITICAL"))
                    .body("affectedSubjects", equalTo(2400)).body("updates", equalTo(1))
                    .body("assessment.reasons.rule", hasItem("sensitive-at-scale"));
            List<JsonNode> updated = events.forSubject(id, 1, Duration.ofSeconds(10));
            assertThat(updated).hasSize(1);
            assertThat(updated.get(0).get("data").get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(updated.get(0).get("data").get("changed").toString())
                    .isEqualTo("[\"kind\",\"categories\",\"affectedSubjects\"]");
        }
        // the clock still runs from the first report's awareness time
        assertThat(Incidents.duty(id, "GDPR-34-SUBJECTS")).containsEntry("state", "PENDING")
                .containsEntry("dueAt", dueBefore);
        JsonPath timeline = Incidents.timeline(id);
        assertThat(timeline.getList("items.kind", String.class)).containsSubsequence("REPORTED", "FACTS_UPDATED",
                "SEVERITY_ASSESSED", "DUTY_REQUIRED");
        Map<String, Object> update = timeline.getMap("items.find { it.kind == 'FACTS_UPDATED' }");
        assertThat(update.get("summary")).isEqualTo("update 1: kind changed, categories changed, affectedSubjects changed");
        assertThat(timeline.getString("items.find { it.kind == 'FACTS_UPDATED' }.data.kind.from"))
                .isEqualTo("SUSPECTED_BREACH");
        assertThat(timeline.getInt("items.find { it.kind == 'FACTS_UPDATED' }.data.affectedSubjects.to"))
                .isEqualTo(2400);
    }

    @Test
    void laterFactsCanExemptADutyAddJurisdictionsAndRemoveThem() {
        String id = report().with("kind", "CONFIRMED_BREACH").with("categories", List.of("user.health"))
                .with("affectedSubjects", 2400).with("jurisdictions", List.of("DE")).create();
        assertThat(Incidents.duty(id, "GDPR-34-SUBJECTS")).containsEntry("state", "PENDING");
        As.partnerA().body(Map.of("note", "The database was encrypted at rest; Chinese customers affected too",
                        "dataEncrypted", true, "jurisdictions", List.of("DE", "CN")))
                .post("/incidents/" + id + "/updates").then().statusCode(200)
                .body("severity", equalTo("HIGH")).body("dataEncrypted", equalTo(true));
        assertThat((String) Incidents.duty(id, "GDPR-34-SUBJECTS").get("notRequiredReason"))
                .startsWith("exempt under GDPR Art. 34(3)(a)");
        assertThat(Incidents.duty(id, "PIPL-57-AUTHORITY")).containsEntry("state", "PENDING");

        As.partnerA().body(Map.of("note", "No German customers after all", "jurisdictions", List.of("CN")))
                .post("/incidents/" + id + "/updates").then().statusCode(200).body("updates", equalTo(2));
        assertThat(Incidents.duty(id, "GDPR-33-SA")).containsEntry("state", "NOT_REQUIRED")
                .containsEntry("notRequiredReason", "no affected subjects in a GDPR jurisdiction any more");
    }

    @Test
    void onlyTheReportingPartnerUpdatesItsOwnOpenIncident() {
        String id = report().create();
        Map<String, String> note = Map.of("note", "more facts");
        As.partnerB().body(note).post("/incidents/" + id + "/updates").then().statusCode(404);
        As.officer().body(note).post("/incidents/" + id + "/updates").then().statusCode(403);
        As.auditor().body(note).post("/incidents/" + id + "/updates").then().statusCode(403);
        As.anonymous().body(note).post("/incidents/" + id + "/updates").then().statusCode(401);
        Incidents.close(id);
        As.partnerA().body(note).post("/incidents/" + id + "/updates").then().statusCode(409)
                .body("detail", equalTo("the incident is CLOSED"));
    }

    @Test
    void badUpdatesAreRefusedAndChangeNothing() {
        String id = report().with("discoveredAt", Reports.ago(Duration.ofHours(5), ZoneOffset.UTC)).create();
        String path = "/incidents/" + id + "/updates";
        As.partnerA().body(Map.of("kind", "CONFIRMED_BREACH")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
        As.partnerA().body(Map.of("note", "n", "categories", List.of("user.unknown"))).post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("categories[0]"));
        As.partnerA().body(Map.of("note", "n", "occurredAt", Reports.ago(Duration.ofHours(1), ZoneOffset.UTC)))
                .post(path).then().statusCode(400).body("errors[0].message", equalTo("must not be after discoveredAt"));
        As.partnerA().body(Map.of("note", "n", "discoveredAt", Reports.ago(Duration.ofHours(1), ZoneOffset.UTC)))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("discoveredAt"));
        As.partnerA().header("If-Match", "\"42\"").body(Map.of("note", "n", "affectedSubjects", 99)).post(path)
                .then().statusCode(412);
        assertThat(TestDb.rows("SELECT update_count, kind, affected_subjects FROM incident WHERE id = ?::uuid", id)
                .get(0)).containsExactly(0, "SUSPECTED_BREACH", 10L);

        String etag = As.partnerA().get("/incidents/" + id).then().extract().header("ETag");
        String next = As.partnerA().header("If-Match", etag).body(Map.of("note", "count", "affectedSubjects", 12))
                .post(path).then().statusCode(200).extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);
    }
}

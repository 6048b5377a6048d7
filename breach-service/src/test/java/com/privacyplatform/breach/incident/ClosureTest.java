package com.privacyplatform.breach.incident;

import static com.privacyplatform.breach.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.breach.support.As;
import com.privacyplatform.testing.EventTap;
import com.privacyplatform.breach.support.Incidents;
import com.privacyplatform.breach.support.Reports;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Closing an incident: a remediation summary, no pending duty, breach.closed for the scorecard. */
@QuarkusTest
class ClosureTest {

    private static final Map<String, String> SUMMARY = Map.of("remediationSummary",
            "Endpoint fixed and pen-tested; keys rotated; affected customers informed");

    @Test
    void closingNeedsARemediationSummaryAndNoPendingDuty() {
        String id = report().with("discoveredAt", Reports.ago(Duration.ofHours(30), ZoneOffset.UTC))
                .with("jurisdictions", List.of("DE")).create();
        String path = "/incidents/" + id + "/closure";
        As.officer().body(Map.of("remediationSummary", "")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("remediationSummary"));
        As.officer().body(SUMMARY).post(path).then().statusCode(409)
                .body("type", equalTo("https://privacy-platform.example/problems/duties-pending"))
                .body("detail", equalTo("complete or waive the pending duties first: GDPR-33-SA"));
        Incidents.waivePending(id);
        try (EventTap events = new EventTap("breach.closed")) {
            As.officer().body(SUMMARY).post(path).then().statusCode(200)
                    .body("state", equalTo("CLOSED")).body("closedAt", notNullValue())
                    .body("remediationSummary", equalTo(SUMMARY.get("remediationSummary")));
            List<JsonNode> closed = events.forSubject(id, 1, Duration.ofSeconds(10));
            assertThat(closed).hasSize(1);
            JsonNode data = closed.get(0).get("data");
            assertThat(data.get("partnerId").asText()).isEqualTo(As.PARTNER_A);
            assertThat(data.get("lateReport").asBoolean()).isTrue();
            assertThat(data.get("severity").asText()).isEqualTo("MEDIUM");
        }
        assertThat(Incidents.timelineKinds(id)).endsWith("CLOSED");
        As.partnerA().get("/incidents/" + id).then().body("remediationSummary",
                equalTo(SUMMARY.get("remediationSummary")));
    }

    @Test
    void aClosedIncidentTakesNoFurtherChanges() {
        String id = report().create();
        Incidents.close(id);
        As.officer().body(SUMMARY).post("/incidents/" + id + "/closure").then().statusCode(409);
        As.officer().body(Map.of("severity", "HIGH", "justification", "late insight"))
                .put("/incidents/" + id + "/severity-override").then().statusCode(409);
        As.officer().body(Map.of("categories", List.of("user.name"), "reason", "delete"))
                .post("/incidents/" + id + "/deletion-orders").then().statusCode(409);
        As.partnerA().body(Map.of("note", "late fact")).post("/incidents/" + id + "/updates").then().statusCode(409);
    }

    @Test
    void onlyOfficersClose() {
        String id = report().with("kind", "POLICY_VIOLATION").create(); // nothing pending
        String path = "/incidents/" + id + "/closure";
        As.partnerA().body(SUMMARY).post(path).then().statusCode(403);
        As.auditor().body(SUMMARY).post(path).then().statusCode(403);
        As.anonymous().body(SUMMARY).post(path).then().statusCode(401);
        As.officer().body(SUMMARY).post("/incidents/" + UUID.randomUUID() + "/closure").then().statusCode(404);
        As.officer().header("If-Match", "\"5\"").body(SUMMARY).post(path).then().statusCode(412);
        As.officer().get("/incidents/" + id).then().body("state", equalTo("OPEN"));
    }
}

package com.privacyplatform.breach.duty;

import static com.privacyplatform.breach.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.breach.support.As;
import com.privacyplatform.breach.support.Incidents;
import com.privacyplatform.breach.support.Reports;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Completing and waiving duties: who may, and what is refused. */
@QuarkusTest
class DutyActionsTest {

    @Test
    @Verifies(value = "5.1.b", exercises = {"DutyResource#complete", "DutyPlanner#plan"})
    void thePartnerRecordsItsNotificationWithAReferenceAndTheTimeInItsOwnOffset() {
        String id = report().with("jurisdictions", List.of("DE")).create();
        String dutyId = (String) Incidents.duty(id, "GDPR-33-SA").get("id");
        String when = Reports.ago(Duration.ofMinutes(5), ZoneOffset.ofHours(1));
        As.partnerA().body(Map.of("reference", "BfDI case 2026-11-0042", "completedAt", when))
                .post("/incidents/" + id + "/duties/" + dutyId + "/completion").then().statusCode(200)
                .body("state", equalTo("DONE")).body("reference", equalTo("BfDI case 2026-11-0042"))
                .body("completedAt", equalTo(Reports.utc(when))).body("late", equalTo(false))
                .body("decidedBy", equalTo("partner:" + As.PARTNER_A));
        As.partnerA().get("/incidents/" + id).then().body("duties.pending", equalTo(0));
        assertThat(Incidents.timelineKinds(id)).contains("DUTY_COMPLETED");
    }

    @Test
    void aNotificationMadeAfterTheDueTimeIsMarkedLate() {
        String id = report().with("discoveredAt", Reports.ago(Duration.ofHours(30), ZoneOffset.UTC))
                .with("jurisdictions", List.of("CN")).create();
        String dutyId = (String) Incidents.duty(id, "PIPL-57-AUTHORITY").get("id");
        As.officer().body(Map.of("reference", "CAC filing 7781"))
                .post("/incidents/" + id + "/duties/" + dutyId + "/completion").then().statusCode(200)
                .body("state", equalTo("DONE")).body("late", equalTo(true)).body("overdue", equalTo(false));
    }

    @Test
    void anOfficerWaivesADutyWithAReasonAndOnlyAnOfficerMay() {
        String id = report().with("jurisdictions", List.of("DE")).create();
        String dutyId = (String) Incidents.duty(id, "GDPR-33-SA").get("id");
        String path = "/incidents/" + id + "/duties/" + dutyId + "/waiver";
        Map<String, String> reason = Map.of("reason", "Art. 33(1): unlikely to result in a risk");
        As.partnerA().body(reason).post(path).then().statusCode(403);
        As.auditor().body(reason).post(path).then().statusCode(403);
        As.officer().body(Map.of("reason", " ")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        As.officer().body(reason).post(path).then().statusCode(200)
                .body("state", equalTo("NOT_REQUIRED"))
                .body("notRequiredReason", equalTo("Art. 33(1): unlikely to result in a risk"))
                .body("decidedBy", equalTo("user:6b1f2c1e-3d4a-4f5b-8c6d-0000000011fa"));
        As.officer().body(reason).post(path).then().statusCode(409);
        assertThat(Incidents.timelineKinds(id)).contains("DUTY_WAIVED");
    }

    @Test
    void dutiesAreReadAndCompletedOnlyByTheirPartnerAndTheOversight() {
        String id = report().with("jurisdictions", List.of("DE")).create();
        String dutyId = (String) Incidents.duty(id, "GDPR-33-SA").get("id");
        String completion = "/incidents/" + id + "/duties/" + dutyId + "/completion";
        Map<String, String> done = Map.of("reference", "ref-1");
        As.auditor().get("/incidents/" + id + "/duties").then().statusCode(200);
        As.partnerA().get("/incidents/" + id + "/duties").then().statusCode(200);
        As.partnerB().get("/incidents/" + id + "/duties").then().statusCode(404);
        As.subject().get("/incidents/" + id + "/duties").then().statusCode(403);
        As.anonymous().get("/incidents/" + id + "/duties").then().statusCode(401);
        As.partnerB().body(done).post(completion).then().statusCode(404);
        As.auditor().body(done).post(completion).then().statusCode(403);
        As.partnerA().body(done).post("/incidents/" + id + "/duties/" + UUID.randomUUID() + "/completion").then()
                .statusCode(404);
        assertThat(Incidents.duty(id, "GDPR-33-SA")).containsEntry("state", "PENDING");
    }

    @Test
    void badCompletionsChangeNothing() {
        String id = report().with("discoveredAt", Reports.ago(Duration.ofHours(2), ZoneOffset.UTC)).create();
        String dutyId = (String) Incidents.duty(id, "GDPR-33-SA").get("id");
        String path = "/incidents/" + id + "/duties/" + dutyId + "/completion";
        As.partnerA().body(Map.of("reference", "")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("reference"));
        As.partnerA().body(Map.of("reference", "r", "completedAt", Reports.ago(Duration.ofHours(-2), ZoneOffset.UTC)))
                .post(path).then().statusCode(400).body("errors[0].message", equalTo("must not be in the future"));
        As.partnerA().body(Map.of("reference", "r", "completedAt", Reports.ago(Duration.ofHours(3), ZoneOffset.UTC)))
                .post(path).then().statusCode(400)
                .body("errors[0].message", equalTo("must not be before the incident's discoveredAt"));
        As.partnerA().body(Map.of("reference", "r", "completedAt", "yesterday")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("completedAt"));
        String platform = (String) Incidents.duty(id, "PLATFORM-5.1").get("id");
        As.partnerA().body(Map.of("reference", "r")).post("/incidents/" + id + "/duties/" + platform + "/completion")
                .then().statusCode(409);
        assertThat(TestDb.single("SELECT state FROM notification_duty WHERE id = ?::uuid", dutyId)).isEqualTo("PENDING");
    }
}

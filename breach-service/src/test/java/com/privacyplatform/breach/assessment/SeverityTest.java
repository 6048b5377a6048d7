package com.privacyplatform.breach.assessment;

import static com.privacyplatform.breach.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.breach.support.As;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.EventTap;
import com.privacyplatform.breach.support.Incidents;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Severity derived from kind, sensitive data (2.2), scale and encryption, with reasons; the officer's override. */
@QuarkusTest
class SeverityTest {

    @ParameterizedTest(name = "{0} of {1}, {2} subjects, sensitive flag {3}, encrypted {4} -> {5} ({6})")
    @CsvSource(nullValues = "unknown", textBlock = """
            POLICY_VIOLATION, user.name,                    5,       false, false,   LOW,      kind
            SUSPECTED_BREACH, user.name,                    5,       false, false,   MEDIUM,   kind
            SUSPECTED_BREACH, user.health,                  5,       false, false,   HIGH,     sensitive-data
            SUSPECTED_BREACH, user.name,                    5,       true,  false,   HIGH,     sensitive-data
            CONFIRMED_BREACH, user.name,                    1000,    false, false,   HIGH,     scale
            CONFIRMED_BREACH, user.name,                    100000,  false, false,   CRITICAL, scale
            CONFIRMED_BREACH, user.financial.bank_account,  5000,    false, false,   CRITICAL, sensitive-at-scale
            SUSPECTED_BREACH, user.financial.bank_account,  5000,    false, false,   HIGH,     sensitive-data
            CONFIRMED_BREACH, user.financial.bank_account,  5000,    false, true,    HIGH,     encryption
            POLICY_VIOLATION, user.biometric,               unknown, false, unknown, HIGH,     sensitive-data
            """)
    @Verifies(value = "5.1", exercises = "SeverityRules")
    void severityIsDerivedFromWhatWasReportedWithTheReasonsShown(String kind, String category, Long subjects,
            boolean sensitive, Boolean encrypted, String expected, String decidingRule) {
        var body = report().with("kind", kind).with("categories", List.of(category))
                .with("affectedSubjects", subjects).with("sensitiveDataInvolved", sensitive)
                .with("dataEncrypted", encrypted);
        String id = body.create();
        JsonPath view = As.officer().get("/incidents/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("severity")).isEqualTo(expected);
        assertThat(view.getString("assessment.derivedSeverity")).isEqualTo(expected);
        List<Map<String, String>> reasons = view.getList("assessment.reasons");
        assertThat(reasons.get(reasons.size() - 1)).containsEntry("level", expected);
        // the deciding rule is the last one that changed the level (the kind's baseline when none did)
        String decided = reasons.get(0).get("rule");
        for (int i = 1; i < reasons.size(); i++) {
            if (!reasons.get(i).get("level").equals(reasons.get(i - 1).get("level"))) {
                decided = reasons.get(i).get("rule");
            }
        }
        assertThat(decided).isEqualTo(decidingRule);
        if (subjects == null) {
            assertThat(reasons).anySatisfy(r -> assertThat(r.get("detail")).contains("not known yet"));
        }
    }

    @Test
    void anOfficerOverridesTheSeverityWithAJustificationAndTheHighRiskDutyFollows() {
        String id = report().with("kind", "CONFIRMED_BREACH").create(); // 10 subjects, user.name: MEDIUM
        assertThat(Incidents.duty(id, "GDPR-34-SUBJECTS")).containsEntry("state", "NOT_REQUIRED");
        String etag = As.officer().get("/incidents/" + id).then().extract().header("ETag");
        try (EventTap events = new EventTap("breach.updated")) {
            As.officer().header("If-Match", etag)
                    .body(Map.of("severity", "HIGH", "justification", "Leaked records include login e-mails"))
                    .put("/incidents/" + id + "/severity-override").then().statusCode(200)
                    .body("severity", equalTo("HIGH"))
                    .body("assessment.derivedSeverity", equalTo("MEDIUM"))
                    .body("assessment.override.severity", equalTo("HIGH"))
                    .body("assessment.override.justification", equalTo("Leaked records include login e-mails"))
                    .body("assessment.override.by", equalTo("user:6b1f2c1e-3d4a-4f5b-8c6d-0000000011fa"))
                    .body("duties.pending", equalTo(2));
            List<JsonNode> updated = events.forSubject(id, 1, Duration.ofSeconds(10));
            assertThat(updated).hasSize(1);
            assertThat(updated.get(0).get("data").get("severity").asText()).isEqualTo("HIGH");
            assertThat(updated.get(0).get("data").get("changed").get(0).asText()).isEqualTo("severity");
        }
        assertThat(Incidents.duty(id, "GDPR-34-SUBJECTS")).containsEntry("state", "PENDING");
        assertThat(Incidents.timelineKinds(id)).containsSubsequence("SEVERITY_OVERRIDDEN", "DUTY_REQUIRED");
        // a later update re-derives, but the officer's decision stays the effective severity
        As.partnerA().body(Map.of("note", "count confirmed", "affectedSubjects", 12))
                .post("/incidents/" + id + "/updates").then().statusCode(200)
                .body("severity", equalTo("HIGH")).body("assessment.derivedSeverity", equalTo("MEDIUM"));
    }

    @Test
    void onlyOfficersOverrideAndOnlyWithAKnownSeverityAndAJustification() {
        String id = report().create();
        String path = "/incidents/" + id + "/severity-override";
        Map<String, String> ok = Map.of("severity", "HIGH", "justification", "because");
        As.partnerA().body(ok).put(path).then().statusCode(403);
        As.auditor().body(ok).put(path).then().statusCode(403);
        As.anonymous().body(ok).put(path).then().statusCode(401);
        As.officer().body(Map.of("severity", "HIGH")).put(path).then().statusCode(400)
                .body("errors.field", hasItem("justification"));
        As.officer().body(Map.of("severity", "SEVERE", "justification", "x")).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("severity"));
        As.officer().header("If-Match", "\"99\"").body(ok).put(path).then().statusCode(412);
        As.officer().body(ok).put("/incidents/" + java.util.UUID.randomUUID() + "/severity-override").then()
                .statusCode(404);
        assertThat(TestDb.single("SELECT override_severity FROM incident WHERE id = ?::uuid", id)).isNull();
    }

}

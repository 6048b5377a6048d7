package com.privacyplatform.breach.incident;

import static com.privacyplatform.breach.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.privacyplatform.breach.support.As;
import com.privacyplatform.breach.support.Incidents;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 5.1, 3.4.j: an emergency order closes a partner's data routes, not its duties. Under a
 * TEMPORARY_CLOSURE the partner still reports on its incident, reads it and completes its
 * notification duties; breach-service never refuses them for the order (the gateway classifies the
 * same endpoints as duty routes).
 */
@QuarkusTest
class ClosedPartnerDutiesTest {

    @Test
    @Verifies({"5.1", "3.4.j"})
    void underATemporaryClosureThePartnerStillUpdatesItsIncidentAndCompletesItsDuties() {
        String id = report().with("jurisdictions", List.of("DE")).create();
        String order = As.officer().body(Map.of("partnerId", As.PARTNER_A, "kind", "TEMPORARY_CLOSURE",
                        "incidentId", id, "reason", "suspected leak")).post("/emergency-orders")
                .then().statusCode(201).extract().path("id");
        try {
            As.partnerA().get("/emergency-orders/" + order).then().statusCode(200)
                    .body("state", equalTo("ACTIVE"));
            As.partnerA().body(Map.of("note", "Contained: the exposed bucket is private again",
                            "affectedSubjects", 40))
                    .post("/incidents/" + id + "/updates").then().statusCode(200)
                    .body("affectedSubjects", equalTo(40)).body("updates", equalTo(1));
            As.partnerA().get("/incidents/" + id).then().statusCode(200).body("affectedSubjects", equalTo(40));
            assertThat(Incidents.timelineKinds(id)).contains("FACTS_UPDATED");
            String dutyId = (String) Incidents.duty(id, "GDPR-33-SA").get("id");
            As.partnerA().body(Map.of("reference", "BfDI case 2026-12-0007"))
                    .post("/incidents/" + id + "/duties/" + dutyId + "/completion").then().statusCode(200)
                    .body("state", equalTo("DONE"));

            // the order changes none of the rules: bad input, another partner, other roles
            As.partnerA().body(Map.of("affectedSubjects", 41)).post("/incidents/" + id + "/updates").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("note"));
            As.partnerB().body(Map.of("note", "not mine")).post("/incidents/" + id + "/updates").then()
                    .statusCode(404);
            As.officer().body(Map.of("note", "n")).post("/incidents/" + id + "/updates").then().statusCode(403);
            As.anonymous().body(Map.of("note", "n")).post("/incidents/" + id + "/updates").then().statusCode(401);
            assertThat(TestDb.rows("SELECT update_count, affected_subjects FROM incident WHERE id = ?::uuid", id)
                    .get(0)).containsExactly(1, 40L);
        } finally {
            As.officer().body(Map.of("reason", "contained")).post("/emergency-orders/" + order + "/lifting").then()
                    .statusCode(200);
        }
    }
}

package com.privacyplatform.registry.scorecard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.registry.support.Fixtures;
import com.privacyplatform.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 4.6: breach-service and dsr-service events reach the partner's scorecard, each counted once. */
@QuarkusTest
@TestSecurity(user = "aaron", roles = "auditor")
class ScorecardFeedTest {

    @Test
    @Verifies(value = {"4.6", "5.1"}, exercises = {"ScorecardFeed#apply", "ScorecardService#of"})
    void openAndLateIncidentsAndOverdueTasksRaiseTheRiskAndClosingLowersIt() throws Exception {
        UUID partner = Fixtures.partner("ACTIVE", true);
        UUID incident = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        byte[] reported = event("breach.reported", incident, "{\"incidentId\":\"" + incident + "\",\"partnerId\":\""
                + partner + "\",\"kind\":\"CONFIRMED_BREACH\",\"severity\":\"HIGH\",\"lateReport\":true}");
        try (TestBroker broker = new TestBroker()) {
            broker.publish("breach.reported", reported);
            broker.publish("breach.reported", reported); // redelivered: counted once
            broker.publish("dsr.overdue", event("dsr.overdue", task, "{\"requestId\":\"" + UUID.randomUUID()
                    + "\",\"taskId\":\"" + task + "\",\"partnerId\":\"" + partner + "\",\"dueOn\":\"2026-11-01\"}"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/partners/" + partner + "/scorecard")
                .then().statusCode(200)
                .body("openBreaches", equalTo(1))
                .body("lateBreachReports", equalTo(1))
                .body("overdueRequests", equalTo(1))
                .body("reasons", hasItem(containsString("breach"))));

        try (TestBroker broker = new TestBroker()) {
            broker.publish("breach.closed", event("breach.closed", incident, "{\"incidentId\":\"" + incident
                    + "\",\"partnerId\":\"" + partner + "\",\"lateReport\":true}"));
            broker.publish("dsr.task-completed", event("dsr.task-completed", task, "{\"taskId\":\"" + task
                    + "\",\"requestId\":\"" + UUID.randomUUID() + "\",\"partnerId\":\"" + partner
                    + "\",\"status\":\"COMPLETED\",\"late\":true}"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/partners/" + partner + "/scorecard")
                .then().statusCode(200)
                .body("openBreaches", equalTo(0))
                .body("lateBreachReports", equalTo(1))
                .body("overdueRequests", equalTo(0)));
    }

    private static byte[] event(String type, UUID subject, String data) {
        return CloudEventCodec.encode(UUID.randomUUID(), type, "/test", subject.toString(),
                OffsetDateTime.now(ZoneOffset.UTC), data);
    }
}

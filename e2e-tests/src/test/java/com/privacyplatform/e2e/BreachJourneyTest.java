package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.PARTNER_B;
import static com.privacyplatform.e2e.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 5.1 and 3.4.j end to end: partner A reports a breach, the officer closes A's interface, the
 * gateway refuses A's calls while B's pass, and lifting the order restores A.
 */
class BreachJourneyTest {

    @BeforeAll
    static void twoActivePartners() {
        Platform.ensureActive("partner-demo-a", PARTNER_A, "CN");
        Platform.ensureActive("partner-demo-b", PARTNER_B, "SG");
    }

    @Test
    void aReportedBreachShowsItsClocksAndAnEmergencyClosureBlocksOnlyThatPartner() {
        String a = Platform.partnerA();
        String b = Platform.partnerB();
        String officer = Platform.officer();
        String discovered = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String incident = as(a).body("{\"kind\":\"SUSPECTED_BREACH\",\"discoveredAt\":\"" + discovered + "\","
                        + "\"description\":\"order export API returned other customers' orders\","
                        + "\"categories\":[\"user.contact.email\",\"user.name\"],\"affectedSubjects\":120,"
                        + "\"sensitiveDataInvolved\":false,\"dataEncrypted\":false,"
                        + "\"containmentMeasures\":\"export endpoint disabled\",\"jurisdictions\":[\"DE\",\"CN\"]}")
                .post("/api/incidents").then().statusCode(201)
                .body("lateReport", equalTo(false))
                .extract().path("id");

        as(officer).get("/api/incidents/" + incident + "/duties").then().statusCode(200)
                .body("ruleId", hasItem("GDPR-33-SA"))
                .body("ruleId", hasItem("PIPL-57-AUTHORITY"))
                .body("dueAt", org.hamcrest.Matchers.everyItem(notNullValue()));
        as(b).get("/api/incidents/" + incident).then().statusCode(404);

        String order = as(officer).body("{\"partnerId\":\"" + PARTNER_A + "\",\"incidentId\":\"" + incident
                        + "\",\"kind\":\"TEMPORARY_CLOSURE\",\"reason\":\"suspected leak under investigation\"}")
                .post("/api/emergency-orders").then().statusCode(201).extract().path("id");
        try {
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    as(a).get("/api/partners/" + PARTNER_A).statusCode() == 403);
            as(a).get("/api/partners/" + PARTNER_A).then().statusCode(403).body("clause", equalTo("3.4.j"));
            as(b).get("/api/partners/" + PARTNER_B).then().statusCode(200);
        } finally {
            as(officer).body("{\"reason\":\"fix deployed and verified\"}")
                    .post("/api/emergency-orders/" + order + "/lifting").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> as(a).get("/api/partners/" + PARTNER_A).statusCode() == 200);
    }
}

package com.privacyplatform.e2e;

import static com.privacyplatform.e2e.Platform.PARTNER_A;
import static com.privacyplatform.e2e.Platform.PARTNER_B;
import static com.privacyplatform.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.sdk.api.IncidentsApi;
import com.privacyplatform.sdk.invoker.ApiException;
import com.privacyplatform.sdk.model.Incident;
import com.privacyplatform.sdk.model.IncidentKind;
import com.privacyplatform.sdk.model.ReportIncidentRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 5.1 and 3.4.j end to end: partner A reports a breach (through the partner SDK), the officer
 * closes A's interface, the gateway refuses A's calls while B's pass, and lifting the order restores A.
 */
class BreachJourneyTest {

    @BeforeAll
    static void twoActivePartners() {
        Platform.ensureActive("partner-demo-a", PARTNER_A, "CN");
        Platform.ensureActive("partner-demo-b", PARTNER_B, "SG");
    }

    @Test
    @Verifies("3.4.j")
    void aReportedBreachShowsItsClocksAndAnEmergencyClosureBlocksOnlyThatPartner() throws ApiException {
        String a = Platform.partnerA();
        String b = Platform.partnerB();
        String officer = Platform.officer();
        ReportIncidentRequest report = new ReportIncidentRequest().kind(IncidentKind.SUSPECTED_BREACH)
                .discoveredAt(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS))
                .description("order export API returned other customers' orders")
                .categories(List.of("user.contact.email", "user.name")).affectedSubjects(120L)
                .sensitiveDataInvolved(false).dataEncrypted(false).containmentMeasures("export endpoint disabled")
                .jurisdictions(List.of("DE", "CN"));
        Incident reported = new IncidentsApi(Platform.sdk(a)).apiIncidentsPost(report, null);
        assertThat(reported.getLateReport()).isFalse();
        String incident = reported.getId().toString();

        as(officer).get("/api/incidents/" + incident + "/duties").then().statusCode(200)
                .body("ruleId", hasItem("GDPR-33-SA"))
                .body("ruleId", hasItem("PIPL-57-AUTHORITY"))
                .body("dueAt", org.hamcrest.Matchers.everyItem(notNullValue()));
        assertThatThrownBy(() -> new IncidentsApi(Platform.sdk(b)).apiIncidentsIdGet(reported.getId()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));

        String order = as(officer).body("{\"partnerId\":\"" + PARTNER_A + "\",\"incidentId\":\"" + incident
                        + "\",\"kind\":\"TEMPORARY_CLOSURE\",\"reason\":\"suspected leak under investigation\"}")
                .post("/api/emergency-orders").then().statusCode(201).extract().path("id");
        try {
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    as(a).get(Platform.DATA_ROUTE).statusCode() == 403);
            as(a).get(Platform.DATA_ROUTE).then().statusCode(403).body("clause", equalTo("3.4.j"));
            as(b).get("/api/partners/" + PARTNER_B).then().statusCode(200);
        } finally {
            as(officer).body("{\"reason\":\"fix deployed and verified\"}")
                    .post("/api/emergency-orders/" + order + "/lifting").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> as(a).get(Platform.DATA_ROUTE).statusCode() == 200);
    }
}

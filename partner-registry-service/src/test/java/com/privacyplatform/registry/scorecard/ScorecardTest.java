package com.privacyplatform.registry.scorecard;

import static com.privacyplatform.registry.inspection.ComplianceFixtures.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.registry.inspection.ComplianceFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 4.6: scorecards from real inspections and findings; who may read them; the risk-ordered list. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class ScorecardTest {

    private static final List<String> ORDER = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    @Test
    void aPartnerInGoodStandingIsLowAndTheNotYetFedInputsAreZero() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 30);
        given().get("/partners/" + partner + "/scorecard").then().statusCode(200)
                .body("riskLevel", equalTo("LOW")).body("reasons", empty())
                .body("inspectionDueOn", equalTo(today().minusDays(30).plusMonths(12).toString()))
                .body("openBreaches", equalTo(0)).body("lateBreachReports", equalTo(0))
                .body("overdueRequests", equalTo(0)).body("overdueAuditFindings", equalTo(0));
    }

    @Test
    void aMonthOverdueInspectionIsMedium() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 395);
        given().get("/partners/" + partner + "/scorecard").then().statusCode(200)
                .body("riskLevel", equalTo("MEDIUM"))
                .body("reasons", hasSize(1))
                .body("reasons[0]", startsWith("[3.4.e] inspection-overdue: "));
    }

    @Test
    @Verifies(value = "4.6", exercises = {"ScorecardService#of", "ScorecardResource#get"})
    void aLongOverdueInspectionAndASeriousOverdueFindingTogetherAreCritical() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 730);
        UUID audit = ComplianceFixtures.audit(partner, 60);
        ComplianceFixtures.finding(audit, partner, "MEDIUM", true, -5, "OPEN");
        ComplianceFixtures.finding(audit, partner, "HIGH", false, -5, "VERIFIED");
        ComplianceFixtures.finding(audit, partner, "LOW", false, 20, "OPEN");
        given().get("/partners/" + partner + "/scorecard").then().statusCode(200)
                .body("riskLevel", equalTo("CRITICAL"))
                .body("openAuditFindings", equalTo(2))
                .body("overdueAuditFindings", equalTo(1))
                .body("overdueMaterialFindings", equalTo(1))
                .body("reasons", hasItem(startsWith("[4.3] serious-finding-overdue: 1 ")))
                .body("reasons", hasItem(startsWith("[4.6] multiple-high-risks: 2 rules")));
    }

    @Test
    void aCriticalFindingPastItsDeadlineIsCriticalOnItsOwn() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 30);
        UUID audit = ComplianceFixtures.audit(partner, 60);
        ComplianceFixtures.finding(audit, partner, "CRITICAL", false, -1, "REOPENED");
        given().get("/partners/" + partner + "/scorecard").then().statusCode(200)
                .body("riskLevel", equalTo("CRITICAL")).body("overdueCriticalFindings", equalTo(1))
                .body("reasons", hasSize(1));
        List<String> critical = given().get("/scorecards?riskLevel=CRITICAL&limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items.riskLevel");
        assertThat(critical).isNotEmpty().containsOnly("CRITICAL");
        assertThat(given().get("/scorecards?riskLevel=CRITICAL&limit=500").then().extract().jsonPath()
                .getList("items.partnerId", String.class)).contains(partner.toString());
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    @Verifies(value = "4.6", exercises = {"ScorecardListResource#list", "ScorecardService#list"})
    void auditorsPageThroughAllCardsHighestRiskFirst() {
        ComplianceFixtures.partner("ACTIVE", 730);
        ComplianceFixtures.partner("ACTIVE", 30);
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/scorecards").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<String> keys = all.stream().map(c -> ORDER.indexOf((String) c.get("riskLevel")) + "|" + c.get("partnerId"))
                .toList();
        assertThat(keys).isSorted().doesNotHaveDuplicates();
        assertThat(all).noneMatch(c -> "TERMINATED".equals(c.get("partnerStatus")));
        given().get("/scorecards?riskLevel=SEVERE").then().statusCode(400).body("errors.field", hasItem("riskLevel"));
        given().get("/scorecards?cursor=bm9wZQ").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "partner-a05", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ComplianceFixtures.SCORED))
    void aPartnerReadsItsOwnCardOnly() {
        UUID own = ComplianceFixtures.fixed(ComplianceFixtures.SCORED, 395);
        UUID other = ComplianceFixtures.partner("ACTIVE", 730);
        given().get("/partners/" + own + "/scorecard").then().statusCode(200).body("riskLevel", equalTo("MEDIUM"));
        given().get("/partners/" + other + "/scorecard").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/scorecards").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void dataSubjectsAreForbidden() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 30);
        given().get("/partners/" + partner + "/scorecard").then().statusCode(403);
        given().get("/scorecards").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersAre401() {
        UUID partner = ComplianceFixtures.partner("ACTIVE", 30);
        given().get("/partners/" + partner + "/scorecard").then().statusCode(401);
        given().get("/scorecards").then().statusCode(401);
    }
}

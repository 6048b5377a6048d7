package com.privacyplatform.breach.incident;

import static com.privacyplatform.breach.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.breach.support.As;
import com.privacyplatform.api.clause.Verifies;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading incidents: tenancy (3.4.f), masking of free text (3.2.d), filters and pages. */
@QuarkusTest
class IncidentReadTest {

    private static final String DESCRIPTION = "Customer li.wei@example.com (+86 138 1234 5678) saw orders of"
            + " card 4111 1111 1111 1111 on 2026-11-24";
    private static final String MASKED = "Customer l***@example.com (+86 ****5678) saw orders of"
            + " card 411111******1111 on 2026-11-24";

    @Test
    @Verifies("3.2.d")
    void theReportingPartnerSeesItsFreeTextInClearAndEveryoneElseMasked() {
        String id = report().with("description", DESCRIPTION)
                .with("containmentMeasures", "Blocked session of zhang.san@example.com").create();
        As.partnerA().get("/incidents/" + id).then().statusCode(200)
                .body("description", equalTo(DESCRIPTION))
                .body("containmentMeasures", equalTo("Blocked session of zhang.san@example.com"));
        for (var reader : List.of(As.officer(), As.auditor())) {
            reader.get("/incidents/" + id).then().statusCode(200)
                    .body("description", equalTo(MASKED))
                    .body("containmentMeasures", equalTo("Blocked session of z***@example.com"));
        }
        As.officer().get("/incidents/" + id + "/timeline").then().statusCode(200)
                .body("items[0].kind", equalTo("REPORTED"))
                .body("items[0].note", equalTo(MASKED + "\n\nContainment: Blocked session of z***@example.com"));
        As.partnerA().get("/incidents/" + id + "/timeline").then().statusCode(200)
                .body("items[0].note", equalTo(DESCRIPTION + "\n\nContainment: Blocked session of zhang.san@example.com"))
                .body("items[0].actor", equalTo("partner:" + As.PARTNER_A));
    }

    @Test
    @Verifies("3.4.f")
    void anotherPartnersIncidentDoesNotExistForThem() {
        String id = report().create();
        As.partnerB().get("/incidents/" + id).then().statusCode(404)
                .body("type", equalTo("https://privacy-platform.example/problems/not-found"));
        As.partnerB().get("/incidents/" + id + "/timeline").then().statusCode(404);
        As.partnerB().get("/incidents").then().statusCode(200).body("items.id", not(hasItem(id)))
                .body("items.partnerId", everyItem(equalTo(As.PARTNER_B)));
        As.partnerB().queryParam("partnerId", As.PARTNER_A).get("/incidents").then().statusCode(200)
                .body("items", hasSize(0));
        As.officer().get("/incidents/" + UUID.randomUUID()).then().statusCode(404);
        As.officer().get("/incidents/not-a-uuid").then().statusCode(404);
    }

    @Test
    void readingNeedsAPartnerOfficerOrAuditorRole() {
        String id = report().create();
        As.subject().get("/incidents/" + id).then().statusCode(403);
        As.subject().get("/incidents").then().statusCode(403);
        As.subject().get("/incidents/" + id + "/timeline").then().statusCode(403);
        As.platformService().get("/incidents").then().statusCode(403);
        As.anonymous().get("/incidents").then().statusCode(401);
        As.anonymous().get("/incidents/" + id + "/timeline").then().statusCode(401);
    }

    @Test
    void oversightListsFilterByStateSeverityAndPartner() {
        String critical = report().with("kind", "CONFIRMED_BREACH").with("affectedSubjects", 200000).createAsB();
        As.auditor().queryParams(Map.of("partnerId", As.PARTNER_B, "severity", "CRITICAL", "state", "OPEN",
                        "limit", 500)).get("/incidents").then().statusCode(200)
                .body("items.id", hasItem(critical)).body("items.severity", everyItem(equalTo("CRITICAL")))
                .body("items.partnerId", everyItem(equalTo(As.PARTNER_B)));
        As.officer().queryParams(Map.of("partnerId", As.PARTNER_B, "state", "CLOSED", "limit", 500))
                .get("/incidents").then().statusCode(200).body("items.id", not(hasItem(critical)));
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(report().createAsB());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = As.partnerB().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/incidents").then().statusCode(200).body("items", notNullValue()).extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(seen).doesNotHaveDuplicates().containsAll(created);
        assertThat(seen).isSorted();
    }

    @Test
    void badListParametersAreNamed() {
        for (Map.Entry<String, Object> bad : List.of(Map.<String, Object>entry("state", "HAPPY"),
                Map.<String, Object>entry("severity", "SEVERE"), Map.<String, Object>entry("partnerId", "x"),
                Map.<String, Object>entry("overdueDuty", "yes"), Map.<String, Object>entry("limit", 0),
                Map.<String, Object>entry("limit", "many"), Map.<String, Object>entry("cursor", "bm9wZQ"))) {
            As.officer().queryParam(bad.getKey(), bad.getValue()).get("/incidents").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad.getKey()));
        }
        As.officer().queryParam("limit", "abc").get("/incidents/" + report().create() + "/timeline").then()
                .statusCode(400);
    }
}

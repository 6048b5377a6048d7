package com.privacyplatform.breach.incident;

import static com.privacyplatform.breach.support.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.breach.support.As;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.EventTap;
import com.privacyplatform.breach.support.Reports;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /incidents: the partner's report (5.1), its event, and every refusal. */
@QuarkusTest
class IncidentReportTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    @Verifies("5.1")
    void aPartnerReportsABreachAndTheRegistryCanCountItFromTheEvent() {
        String discovered = Reports.ago(Duration.ofHours(2), ZoneOffset.ofHours(8));
        try (EventTap events = new EventTap("breach.#")) {
            String id = Reports.post(As.partnerA().body(report().with("kind", "CONFIRMED_BREACH")
                            .with("discoveredAt", discovered).with("categories", List.of("user.health", "user.name"))
                            .with("affectedSubjects", 40).with("jurisdictions", List.of("DE", "JP")).body()))
                    .then().statusCode(201)
                    .header("Location", matchesPattern(".*/incidents/[0-9a-f-]{36}"))
                    .header("ETag", notNullValue())
                    .body("partnerId", equalTo(As.PARTNER_A))
                    .body("state", equalTo("OPEN"))
                    .body("discoveredAt", equalTo(Reports.utc(discovered)))
                    .body("lateReport", equalTo(false))
                    .body("severity", equalTo("HIGH"))
                    .body("sensitiveCategories", equalTo(List.of("user.health")))
                    .body("unmodelledJurisdictions", equalTo(List.of("JP")))
                    .body("assessment.reasons.rule", hasItems("kind", "sensitive-data", "scale", "encryption"))
                    .body("duties.pending", equalTo(2))
                    .body("description", equalTo("Unusual export volume on the order API"))
                    .extract().path("id");

            List<JsonNode> received = events.forSubject(id, 1, Duration.ofSeconds(10));
            assertThat(received).hasSize(1);
            JsonNode event = received.get(0);
            assertThat(event.get("type").asText()).isEqualTo("breach.reported");
            assertThat(event.get("source").asText()).isEqualTo("/breach-service");
            JsonNode data = event.get("data");
            assertThat(data.get("partnerId").asText()).isEqualTo(As.PARTNER_A);
            assertThat(data.get("kind").asText()).isEqualTo("CONFIRMED_BREACH");
            assertThat(data.get("severity").asText()).isEqualTo("HIGH");
            assertThat(data.get("lateReport").asBoolean()).isFalse();
            assertThat(data.has("description")).as("no free text in events").isFalse();
        }
    }

    @Test
    void aRetriedReportWithTheSameIdempotencyKeyIsAnsweredOnce() {
        String key = "report-" + UUID.randomUUID();
        var body = report().body();
        String first = As.partnerA().header("Idempotency-Key", key).body(body).post("/incidents")
                .then().statusCode(201).extract().path("id");
        As.partnerA().header("Idempotency-Key", key).body(body).post("/incidents")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        As.partnerA().header("Idempotency-Key", key).body(report().with("affectedSubjects", 11).body())
                .post("/incidents").then().statusCode(422)
                .body("type", equalTo("https://privacy-platform.example/problems/idempotency-key-reused"));
        assertThat(TestDb.count("SELECT count(*) FROM incident WHERE id = ?::uuid", first)).isEqualTo(1);
    }

    @Test
    void onlyPartnersReport() {
        var body = report().body();
        long before = incidents();
        As.officer().body(body).post("/incidents").then().statusCode(403).contentType(PROBLEM);
        As.auditor().body(body).post("/incidents").then().statusCode(403);
        As.subject().body(body).post("/incidents").then().statusCode(403);
        As.platformService().body(body).post("/incidents").then().statusCode(403);
        As.anonymous().body(body).post("/incidents").then().statusCode(401).header("WWW-Authenticate", notNullValue());
        As.anonymous().auth().oauth2("not-a-token").body(body).post("/incidents").then().statusCode(401);
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "client-without-claim", roles = "partner")
    void aPartnerTokenWithoutPartnerIdIsRefused() {
        io.restassured.RestAssured.given().contentType("application/json").body(report().body()).post("/incidents")
                .then().statusCode(403).body("detail", equalTo("the token carries no valid partner_id claim"));
    }

    @Test
    void missingFieldsAreNamed() {
        long before = incidents();
        As.partnerA().body("{}").post("/incidents").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://privacy-platform.example/problems/validation"))
                .body("errors.field", hasItems("kind", "discoveredAt", "description", "categories",
                        "sensitiveDataInvolved", "jurisdictions"));
        As.partnerA().body(report().with("categories", List.of()).with("affectedSubjects", -1).body())
                .post("/incidents").then().statusCode(400)
                .body("errors.field", hasItems("categories", "affectedSubjects"));
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void unknownCategoriesAndCountriesAreRefusedField() {
        long before = incidents();
        As.partnerA().body(report().with("categories", List.of("user.name", "user.shoe_size"))
                        .with("jurisdictions", List.of("DE", "XX")).body())
                .post("/incidents").then().statusCode(400)
                .body("errors.field", hasItems("categories[1]", "jurisdictions[1]"));
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void timesMustBeRealInstantsInTheRightOrder() {
        long before = incidents();
        As.partnerA().body(report().with("discoveredAt", Reports.ago(Duration.ofHours(-3), ZoneOffset.UTC)).body())
                .post("/incidents").then().statusCode(400)
                .body("errors.field", hasItem("discoveredAt"));
        As.partnerA().body(report().with("occurredAt", Reports.ago(Duration.ofMinutes(10), ZoneOffset.UTC)).body())
                .post("/incidents").then().statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"))
                .body("errors[0].message", equalTo("must not be after discoveredAt"));
        // RFC 3339 needs an offset: a local time is not an instant
        As.partnerA().body(report().with("discoveredAt", "2026-11-20T09:00:00").body())
                .post("/incidents").then().statusCode(400)
                .body("type", equalTo("https://privacy-platform.example/problems/malformed-request"))
                .body("errors[0].field", equalTo("discoveredAt"));
        As.partnerA().body(report().with("kind", "DATA_SPILL").body()).post("/incidents").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        As.partnerA().body("{\"kind\": ").post("/incidents").then().statusCode(400)
                .body("type", equalTo("https://privacy-platform.example/problems/malformed-request"));
        assertThat(incidents()).isEqualTo(before);
    }

    static long incidents() {
        return TestDb.count("SELECT count(*) FROM incident");
    }
}

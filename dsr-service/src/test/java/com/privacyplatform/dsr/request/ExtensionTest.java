package com.privacyplatform.dsr.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.deadline.DeadlineCalculator.Schedule;
import com.privacyplatform.dsr.deadline.Deadlines;
import com.privacyplatform.dsr.support.Events;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deadlines per jurisdiction of the consents, and the one justified extension the compliance officer may grant. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class ExtensionTest {

    @Inject
    Deadlines deadlines;

    /** A request resting on one consent collected under {@code jurisdiction} (null: none named, partner unknown). */
    private static UUID openRequest(String jurisdiction) {
        String subject = Fixtures.newSubject();
        Fixtures.holdingUnder(jurisdiction, Fixtures.newPartner(), subject, "user.name");
        return Flows.subjectSubmits(subject, RequestType.DELETION, null, null);
    }

    private static io.restassured.response.Response extend(UUID id, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/requests/" + id + "/extension");
    }

    private Schedule scheduleToday(String policy, String jurisdiction) {
        return deadlines.calculator().schedule(deadlines.policies().byId(policy), LocalDate.now(ZoneOffset.UTC),
                jurisdiction);
    }

    @Test
    void eachRequestIsDueWhenThePolicyOfItsConsentsJurisdictionSays() {
        for (String[] c : List.of(new String[] {"DE", "GDPR"}, new String[] {"GB", "UK_GDPR"},
                new String[] {"US", "CCPA"}, new String[] {"CN", "PIPL"}, new String[] {"JP", "PLATFORM_DEFAULT"},
                new String[] {null, "PLATFORM_DEFAULT"})) {
            UUID id = openRequest(c[0]);
            Schedule expected = scheduleToday(c[1], c[0]);
            given().get("/requests/" + id).then().statusCode(200).body("policy.id", equalTo(c[1]))
                    .body("dueOn", equalTo(expected.dueOn().toString()))
                    .body("originalDueOn", equalTo(expected.dueOn().toString()))
                    .body("tasks[0].dueOn", equalTo(expected.dueOn().toString()))
                    .body("receiptConfirmationDueOn", equalTo(expected.receiptConfirmationDueOn() == null ? null
                            : expected.receiptConfirmationDueOn().toString()));
        }
    }

    @Test
    @Verifies(value = {"3.5.b", "3.5.c"}, exercises = {"Extensions#extend", "RequestChangeResource#extend"})
    void anOfficerExtendsAGdprDeadlineOnceAndTheReasonIsToldToTheSubject() {
        UUID id = openRequest("FR");
        Schedule schedule = scheduleToday("GDPR", "FR");
        try (Events events = new Events("dsr.extended")) {
            extend(id, "{\"reason\":\"Three archived systems must be searched\"}").then().statusCode(200)
                    .body("dueOn", equalTo(schedule.latestExtendedDueOn().toString()))
                    .body("originalDueOn", equalTo(schedule.dueOn().toString()))
                    .body("extension.reason", equalTo("Three archived systems must be searched"))
                    .body("extension.previousDueOn", equalTo(schedule.dueOn().toString()))
                    .body("tasks[0].dueOn", equalTo(schedule.latestExtendedDueOn().toString()));
            JsonNode event = events.forSubject(id.toString(), 1, Duration.ofSeconds(10)).get(0);
            assertThat(event.get("data").get("reason").asText()).isEqualTo("Three archived systems must be searched");
            assertThat(event.get("data").get("dueOn").asText()).isEqualTo(schedule.latestExtendedDueOn().toString());
        }
        given().get("/requests/" + id + "/timeline").then().body("kind", hasItem("DEADLINE_EXTENDED"))
                .body("find { it.kind == 'DEADLINE_EXTENDED' }.detail.reason",
                        equalTo("Three archived systems must be searched"));
        extend(id, "{\"reason\":\"still more to search\"}").then().statusCode(422)
                .body("type", equalTo("https://privacy-platform.example/problems/extension-not-allowed"))
                .body("clause", equalTo("3.5.c")).body("detail", org.hamcrest.Matchers.containsString("once"));
    }

    @Test
    @Verifies(value = {"3.5.b", "3.5.c"}, exercises = "Extensions#extend")
    void extensionsBeyondThePolicysLimitAfterTheDeadlineOrWhereNoneIsAllowedAreRefused() {
        UUID gdpr = openRequest("IE");
        extend(gdpr, "{\"reason\":\"complex\",\"days\":200}").then().statusCode(422)
                .body("errors[0].field", equalTo("days"));
        extend(gdpr, "{\"reason\":\"complex\",\"days\":14}").then().statusCode(200)
                .body("dueOn", equalTo(deadlines.calculator().nextBusinessDay(LocalDate.now(ZoneOffset.UTC)
                        .plusMonths(1).plusDays(14), "IE").toString()));
        extend(openRequest("CN"), "{\"reason\":\"complex\"}").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("PIPL"));
        extend(openRequest(null), "{\"reason\":\"complex\"}").then().statusCode(422);
        UUID missed = Fixtures.dueDaysAgo(1, List.of("DE"), () -> openRequest("DE"));
        extend(missed, "{\"reason\":\"forgot\"}").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("before the current deadline"));
    }

    @Test
    void badInputStaleVersionsAndClosedRequestsAreRefusedWithoutChange() {
        UUID id = openRequest("NL");
        String due = given().get("/requests/" + id).then().extract().path("dueOn");
        extend(id, "{\"reason\":\" \"}").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        extend(id, "{\"reason\":\"x\",\"days\":0}").then().statusCode(400).body("errors[0].field", equalTo("days"));
        extend(id, "{\"reason\":\"x\",\"days\":\"many\"}").then().statusCode(400);
        given().contentType(ContentType.JSON).header("If-Match", "\"42\"").body("{\"reason\":\"x\"}")
                .post("/requests/" + id + "/extension").then().statusCode(412);
        extend(UUID.randomUUID(), "{\"reason\":\"x\"}").then().statusCode(404);
        given().get("/requests/" + id).then().body("dueOn", equalTo(due)).body("extension", equalTo(null));
        UUID done = Flows.subjectSubmits(Fixtures.newSubject(), RequestType.ACCESS, null, null);
        extend(done, "{\"reason\":\"x\"}").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "5b000000-0000-4000-8000-000000000901", roles = "data-subject")
    void subjectsCannotExtendDeadlines() {
        extend(openRequest("FR"), "{\"reason\":\"x\"}").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_A))
    void partnersAskTheOfficerAndCannotExtendThemselves() {
        extend(openRequest("FR"), "{\"reason\":\"x\"}").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsCannotExtendDeadlines() {
        extend(openRequest("FR"), "{\"reason\":\"x\"}").then().statusCode(403);
    }
}

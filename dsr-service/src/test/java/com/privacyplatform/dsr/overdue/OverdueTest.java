package com.privacyplatform.dsr.overdue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.support.Events;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Missed deadlines escalate: overdue once per request and task (dsr.overdue), and on the partner's scorecard. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class OverdueTest {

    static final String LATE = "d5a00000-0000-4000-8000-0000000000d1";
    static final String SCORED = "d5a00000-0000-4000-8000-0000000000d2";

    @Inject
    OverdueScanner scanner;

    private int scan() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> scanner.scan());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Verifies(value = {"3.5.b", "3.5.c"}, exercises = "OverdueScanner#emitDueNotices")
    void aRequestAndItsUnfinishedTasksPastTheDeadlineAreAnnouncedOverdueExactlyOnce() {
        UUID late = UUID.fromString(LATE);
        UUID prompt = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        Fixtures.holding(late, subject, "user.name");
        Fixtures.holding(prompt, subject, "user.name");
        UUID request = Fixtures.dueDaysAgo(2, List.of(), () -> {
            UUID received = Flows.subjectSubmits(subject, RequestType.DELETION);
            Flows.partnerDeletes(Fixtures.taskOf(received, prompt, "PARTNER"));
            return received;
        });
        UUID lateTask = Fixtures.taskOf(request, late, "PARTNER");

        try (Events events = new Events("dsr.overdue")) {
            assertThat(scan()).isGreaterThanOrEqualTo(2);
            scan();
            List<JsonNode> received = events.forSubject(request.toString(), 3, Duration.ofSeconds(3));
            assertThat(received).hasSize(2);
            JsonNode ofRequest = received.stream().filter(e -> e.get("data").get("taskId").isNull()).findFirst()
                    .orElseThrow();
            JsonNode ofTask = received.stream().filter(e -> !e.get("data").get("taskId").isNull()).findFirst()
                    .orElseThrow();
            assertThat(ofRequest.get("data").get("requestId").asText()).isEqualTo(request.toString());
            assertThat(ofRequest.get("data").get("dueAt").asText()).endsWith("T23:59:59Z");
            assertThat(ofTask.get("data").get("taskId").asText()).isEqualTo(lateTask.toString());
            assertThat(ofTask.get("data").get("partnerId").asText()).isEqualTo(LATE);
        }
        given().get("/requests/" + request).then().body("overdue", equalTo(true))
                .body("tasks.find { it.partnerId == '" + LATE + "' }.overdue", equalTo(true))
                .body("tasks.find { it.partnerId == '" + prompt + "' }.overdue", equalTo(false));
        given().get("/requests/" + request + "/timeline").then().body("kind", hasItems("OVERDUE", "TASK_OVERDUE"));
        given().queryParam("subjectId", subject).queryParam("overdue", "true").get("/requests").then()
                .body("items.id", hasItem(request.toString()));
        assertThat(noticesOf(request)).isEqualTo(2);
    }

    @Test
    @TestSecurity(user = "scored", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = SCORED))
    @Verifies(value = "4.6", exercises = "RequestScorecardResource#get")
    void thePartnersScorecardShowsItsOverdueAndLateWork() {
        UUID scored = UUID.fromString(SCORED);
        String subject = Fixtures.newSubject();
        Fixtures.holding(scored, subject, "user.name");
        UUID request = Fixtures.dueDaysAgo(3, List.of(), () -> Flows.subjectSubmits(subject, RequestType.DELETION));
        UUID task = Fixtures.taskOf(request, scored, "PARTNER");
        scan();
        given().queryParam("overdue", "true").get("/tasks").then().body("items.id", hasItem(task.toString()));
        given().get("/partners/" + SCORED + "/request-scorecard").then().statusCode(200)
                .body("openTasks", equalTo(1)).body("overdueTasks", equalTo(1)).body("overdueNotices", equalTo(1))
                .body("completedLate", equalTo(0));
        given().contentType(ContentType.JSON).body(
                "{\"deletion\":{\"whatWasDeleted\":\"all\",\"systems\":[\"crm\"],\"deletedAt\":\"2026-01-01T00:00:00Z\","
                        + "\"deletedBy\":\"ops\"}}").post("/tasks/" + task + "/completion").then().statusCode(200)
                .body("late", equalTo(true)).body("overdue", equalTo(false));
        given().get("/partners/" + SCORED + "/request-scorecard").then()
                .body("openTasks", equalTo(0)).body("overdueTasks", equalTo(0)).body("completedTasks", equalTo(1))
                .body("completedLate", equalTo(1)).body("overdueNotices", equalTo(1));
        given().get("/partners/" + Fixtures.PARTNER_B + "/request-scorecard").then().statusCode(404);
        given().get("/partners/not-a-partner/request-scorecard").then().statusCode(404);
    }

    @Test
    @Verifies(value = "4.6", exercises = "RequestScorecardResource#get")
    void officersReadAnyPartnersScorecardAndResolvedWorkIsNeverOverdue() {
        UUID partner = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        Fixtures.holding(partner, subject, "user.name");
        UUID request = Fixtures.dueDaysAgo(5, List.of(), () -> {
            UUID received = Flows.subjectSubmits(subject, RequestType.DELETION);
            Flows.partnerRejects(Fixtures.taskOf(received, partner, "PARTNER"), "LEGAL_OBLIGATION");
            return received;
        });
        scan();
        assertThat(noticesOf(request)).isZero();
        given().get("/partners/" + partner + "/request-scorecard").then().statusCode(200)
                .body("rejectedTasks", equalTo(1)).body("overdueTasks", equalTo(0));
    }

    @Test
    @TestSecurity(user = "5b000000-0000-4000-8000-000000000a01", roles = "data-subject")
    void subjectsCannotReadScorecards() {
        given().get("/partners/" + LATE + "/request-scorecard").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersCannotReadScorecards() {
        given().get("/partners/" + LATE + "/request-scorecard").then().statusCode(401);
        given().get("/partners/" + LATE + "/retention-bases").then().statusCode(401);
    }

    /** The request's overdue notices: its own and its tasks'. */
    private static long noticesOf(UUID request) {
        return TestDb.count("SELECT count(*) FROM overdue_notice WHERE target_id = ?::uuid OR target_id IN"
                + " (SELECT id FROM dsr_task WHERE request_id = ?::uuid)", request.toString(), request.toString());
    }
}

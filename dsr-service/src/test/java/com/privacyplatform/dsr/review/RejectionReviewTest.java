package com.privacyplatform.dsr.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 3.5.c, 3.5.d: a partner's rejection of a deletion task goes to the officer's review queue; approved,
 * the task is rejected and the subject told why; refused, the task opens again with the officer's note.
 */
@QuarkusTest
class RejectionReviewTest {

    static final String SUBJECT = "5b000000-0000-4000-8000-000000000d01";

    /** A deletion of a fresh (or the given) subject held by partner A; returns the request id. */
    static UUID deletion(String subject) {
        Fixtures.holding(Fixtures.partnerA(), subject, "user.name", "user.financial.transaction");
        return Flows.subjectSubmits(subject, RequestType.DELETION);
    }

    /** A deletion task of partner A whose rejection waits for the officer. */
    static UUID inReview(UUID request) {
        UUID task = Fixtures.taskOf(request, Fixtures.partnerA(), "PARTNER");
        Flows.partnerRequestsRejection(task, "LEGAL_OBLIGATION");
        return task;
    }

    private static Response decide(UUID task, String action, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/rejection-reviews/" + task + "/" + action);
    }

    private static String status(UUID task) {
        return (String) TestDb.single("SELECT status FROM dsr_task WHERE id = ?::uuid", task.toString());
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies(value = {"3.5.c", "3.5.d"}, exercises = {"RejectionDecisionResource#approve", "RejectionReviews#decide", "TaskWork#requestRejection"})
    void anApprovedRejectionRejectsTheTaskAndCompletesTheRequestWithTheReasonsShown() {
        UUID request = deletion(Fixtures.newSubject());
        UUID task = inReview(request);
        given().queryParam("limit", 500).get("/rejection-reviews").then().statusCode(200)
                .body("items.taskId", hasItem(task.toString()));
        given().queryParam("partnerId", Fixtures.PARTNER_B).get("/rejection-reviews").then().statusCode(200)
                .body("items.taskId", not(hasItem(task.toString())));
        String etag = given().get("/rejection-reviews/" + task).then().statusCode(200)
                .body("status", equalTo("REJECTION_IN_REVIEW")).body("legalBasis", equalTo("LEGAL_OBLIGATION"))
                .body("explanation", equalTo("kept by law")).extract().header("ETag");
        // the request is not answered yet: the proposed rejection is not shown as the outcome
        given().get("/requests/" + request).then().body("status", equalTo("OPEN"))
                .body("tasks[0].status", equalTo("REJECTION_IN_REVIEW")).body("tasks[0].rejection", nullValue());
        try (Events events = new Events("dsr.#")) {
            given().contentType(ContentType.JSON).header("If-Match", etag).body("{\"note\":\"AML records: 5 years\"}")
                    .post("/rejection-reviews/" + task + "/approval").then().statusCode(200)
                    .body("status", equalTo("REJECTED")).body("decision", equalTo("APPROVED"))
                    .body("note", equalTo("AML records: 5 years"));
            List<JsonNode> received = events.forSubject(request.toString(), 2, Duration.ofSeconds(10),
                    "dsr.task-completed", "dsr.completed");
            assertThat(received.get(0).get("data").get("status").asText()).isEqualTo("REJECTED");
            assertThat(received.get(1).get("data").get("outcome").asText()).isEqualTo("NOT_FULFILLED");
        }
        given().get("/requests/" + request).then().body("status", equalTo("COMPLETED"))
                .body("tasks[0].rejection.legalBasis", equalTo("LEGAL_OBLIGATION"))
                .body("tasks[0].rejection.explanation", equalTo("kept by law"))
                .body("tasks[0].rejection.reviewNote", equalTo("AML records: 5 years"));
        given().get("/requests/" + request + "/timeline").then().statusCode(200)
                .body("kind", hasItems("TASK_REJECTION_REQUESTED", "TASK_REJECTED"));
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action ="
                + " 'dsr-task.rejection-approved' AND target_id = ?", task.toString())).isEqualTo(1);
        // decided once
        decide(task, "refusal", "{\"note\":\"no\"}").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies(value = {"3.5.c", "3.5.d"}, exercises = {"RejectionDecisionResource#refuse", "RejectionReviews#decide"})
    void aRefusedRejectionReopensTheTaskWithTheNoteAndBadInputChangesNothing() {
        UUID request = deletion(Fixtures.newSubject());
        UUID task = inReview(request);
        decide(task, "refusal", "{}").then().statusCode(400).body("errors[0].field", equalTo("note"));
        decide(task, "refusal", "").then().statusCode(400);
        decide(task, "refusal", "{\"note\":\"" + "x".repeat(2001) + "\"}").then().statusCode(400);
        given().contentType(ContentType.JSON).header("If-Match", "\"99\"").body("{\"note\":\"x\"}")
                .post("/rejection-reviews/" + task + "/refusal").then().statusCode(412);
        assertThat(status(task)).isEqualTo("REJECTION_IN_REVIEW");
        try (Events events = new Events("dsr.task-reopened")) {
            decide(task, "refusal", "{\"note\":\"the tax law covers invoices, not the marketing profile\"}").then()
                    .statusCode(200).body("status", equalTo("OPEN")).body("decision", equalTo("REFUSED"))
                    .body("legalBasis", equalTo("LEGAL_OBLIGATION"));
            List<JsonNode> received = events.forSubject(request.toString(), 1, Duration.ofSeconds(10));
            assertThat(received.get(0).get("data").get("taskId").asText()).isEqualTo(task.toString());
        }
        given().get("/requests/" + request).then().body("status", equalTo("OPEN"))
                .body("tasks[0].status", equalTo("OPEN"));
        given().get("/requests/" + request + "/timeline").then()
                .body("kind", hasItem("TASK_REOPENED"));
        // no longer in review: nothing to decide
        decide(task, "approval", "{}").then().statusCode(409);
        // a task never put to review, or none at all, is not in the queue
        UUID fresh = Fixtures.taskOf(deletion(Fixtures.newSubject()), Fixtures.partnerA(), "PARTNER");
        given().get("/rejection-reviews/" + fresh).then().statusCode(404).contentType("application/problem+json");
        decide(fresh, "approval", "{}").then().statusCode(404);
        decide(UUID.randomUUID(), "approval", "{}").then().statusCode(404);
        given().queryParam("partnerId", "x").get("/rejection-reviews").then().statusCode(400);
        assertThat(status(fresh)).isEqualTo("OPEN");
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_A))
    @Verifies({"3.5.c", "3.5.d"})
    void thePartnerReadsTheOfficersNoteOnTheReopenedTaskAndDeletesButCannotDecide() {
        UUID request = deletion(Fixtures.newSubject());
        UUID task = inReview(request);
        given().get("/rejection-reviews").then().statusCode(403);
        decide(task, "approval", "{}").then().statusCode(403);
        assertThat(status(task)).isEqualTo("REJECTION_IN_REVIEW");
        Flows.officerDecides(task, false, "delete the profile; the invoices are not held here");
        given().get("/tasks/" + task).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("review.decision", equalTo("REFUSED"))
                .body("review.note", equalTo("delete the profile; the invoices are not held here"))
                .body("rejection", nullValue());
        given().contentType(ContentType.JSON).body("{\"deletion\":{\"whatWasDeleted\":\"profile\",\"systems\":"
                + "[\"crm\"],\"deletedAt\":\"2026-01-02T03:04:05Z\",\"deletedBy\":\"dp team\"}}")
                .post("/tasks/" + task + "/completion").then().statusCode(200).body("status", equalTo("COMPLETED"));
        assertThat(Fixtures.status(request)).isEqualTo("COMPLETED");
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_A))
    @Verifies(value = "3.5.d", exercises = "TaskService#requireRetentionRules")
    void aTerminationsDeletionTaskIsRefusedOnlyOnALegalObligation() {
        UUID request = deletion(Fixtures.newSubject());
        TestDb.execute("UPDATE dsr_request SET origin = 'TERMINATION', origin_ref = '" + Fixtures.PARTNER_A
                + "' WHERE id = '" + request + "'");
        UUID task = Fixtures.taskOf(request, Fixtures.partnerA(), "PARTNER");
        for (String basis : List.of("CONTRACT", "VITAL_INTERESTS", "LEGITIMATE_INTERESTS")) {
            given().contentType(ContentType.JSON).body("{\"legalBasis\":\"" + basis + "\",\"explanation\":\"x\"}")
                    .post("/tasks/" + task + "/rejection").then().statusCode(422).body("clause", equalTo("3.5.d"))
                    .body("type", equalTo("https://privacy-platform.example/problems/retention-basis-insufficient"));
        }
        assertThat(status(task)).isEqualTo("OPEN");
        given().contentType(ContentType.JSON).body("{\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"AML\"}")
                .post("/tasks/" + task + "/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTION_IN_REVIEW"));
    }

    @Test
    @TestSecurity(user = SUBJECT, roles = "data-subject")
    @Verifies({"3.5.c", "3.5.d"})
    void theSubjectIsToldWhyOnceTheOfficerApprovedAndCannotUseTheQueue() {
        UUID request = deletion(SUBJECT);
        UUID task = inReview(request);
        given().get("/rejection-reviews").then().statusCode(403);
        decide(task, "approval", "{}").then().statusCode(403);
        given().get("/requests/" + request).then().statusCode(200)
                .body("tasks[0].status", equalTo("REJECTION_IN_REVIEW")).body("tasks[0].rejection", nullValue());
        Flows.officerDecides(task, true, "the law requires keeping payment records for five years");
        given().get("/requests/" + request).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("NOT_FULFILLED"))
                .body("tasks[0].rejection.legalBasis", equalTo("LEGAL_OBLIGATION"))
                .body("tasks[0].rejection.explanation", equalTo("kept by law"))
                .body("tasks[0].rejection.reviewNote",
                        equalTo("the law requires keeping payment records for five years"));
        given().get("/requests/" + request + "/timeline").then().statusCode(200)
                .body("kind", hasItems("TASK_REJECTION_REQUESTED", "TASK_REJECTED"));
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsReadTheQueueButDoNotDecide() {
        UUID task = inReview(deletion(Fixtures.newSubject()));
        given().get("/rejection-reviews").then().statusCode(200);
        given().get("/rejection-reviews/" + task).then().statusCode(200);
        decide(task, "approval", "{}").then().statusCode(403);
        decide(task, "refusal", "{\"note\":\"x\"}").then().statusCode(403);
        assertThat(status(task)).isEqualTo("REJECTION_IN_REVIEW");
    }

    @Test
    @TestSecurity
    void anonymousCallersAre401() {
        given().get("/rejection-reviews").then().statusCode(401);
        decide(UUID.randomUUID(), "approval", "{}").then().statusCode(401);
    }
}

package com.privacyplatform.dsr.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.request.Correction;
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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The partner's work queue: list, claim, complete with evidence; the request completes with its last task. */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_A))
class TaskWorkTest {

    static final String STATEMENT = "{\"deletion\":{\"whatWasDeleted\":\"profile, orders\",\"systems\":[\"crm\","
            + "\"orders-db\"],\"deletedAt\":\"2026-01-02T03:04:05Z\",\"deletedBy\":\"dp team\"}}";

    /** A DELETION of a fresh subject held by partner A (and B when {@code withB}). */
    static UUID deletionFor(boolean withB, String recipientsOfA) {
        String subject = Fixtures.newSubject();
        Fixtures.holding(Fixtures.partnerA(), subject, "ACTIVE", "order_fulfilment", List.of("user.name"),
                recipientsOfA);
        if (withB) {
            Fixtures.holding(Fixtures.partnerB(), subject, "user.name");
        }
        return Flows.subjectSubmits(subject, RequestType.DELETION);
    }

    private static io.restassured.response.Response post(UUID task, String action, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/tasks/" + task + "/" + action);
    }

    @Test
    void aPartnerListsOnlyItsOwnTasksEarliestDueFirstAndFilters() {
        UUID request = deletionFor(true, null);
        UUID mine = Fixtures.taskOf(request, Fixtures.partnerA(), "PARTNER");
        given().queryParam("requestId", request.toString()).get("/tasks").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(mine.toString()))
                .body("items[0].status", equalTo("OPEN")).body("items[0].instruction", notNullValue())
                .body("items[0].categories", equalTo(List.of("user.name")));
        given().queryParam("requestId", request.toString()).queryParam("status", "COMPLETED").get("/tasks").then()
                .body("items", hasSize(0));
        given().queryParam("status", "OPEN").queryParam("limit", 1).get("/tasks").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].partnerId", equalTo(Fixtures.PARTNER_A));
        given().queryParam("status", "FINISHED").get("/tasks").then().statusCode(400);
        given().queryParam("requestId", "x").get("/tasks").then().statusCode(400);
        given().queryParam("cursor", "%%%").get("/tasks").then().statusCode(400);
    }

    @Test
    @Verifies("3.5.c")
    void claimingThenCompletingWithADeletionStatementCompletesTheRequestWithItsLastTask() {
        UUID request = deletionFor(true, null);
        UUID mine = Fixtures.taskOf(request, Fixtures.partnerA(), "PARTNER");
        try (Events events = new Events("dsr.#")) {
            String etag = post(mine, "claim", "{}").then().statusCode(200).body("status", equalTo("CLAIMED"))
                    .body("claimedBy", equalTo("partner:" + Fixtures.PARTNER_A)).extract().header("ETag");
            post(mine, "claim", "{}").then().statusCode(409);
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(STATEMENT)
                    .post("/tasks/" + mine + "/completion").then().statusCode(412);
            given().contentType(ContentType.JSON).header("If-Match", etag).body(STATEMENT)
                    .post("/tasks/" + mine + "/completion").then().statusCode(200)
                    .body("status", equalTo("COMPLETED")).body("evidence.deletion.systems", hasSize(2))
                    .body("late", equalTo(false));
            assertThat(Fixtures.status(request)).isEqualTo("OPEN");

            Flows.partnerDeletes(Fixtures.taskOf(request, Fixtures.partnerB(), "PARTNER"));
            assertThat(Fixtures.status(request)).isEqualTo("COMPLETED");
            List<JsonNode> received = events.forSubject(request.toString(), 3, Duration.ofSeconds(10),
                    "dsr.task-completed", "dsr.completed");
            assertThat(Events.types(received)).containsExactly("dsr.task-completed", "dsr.task-completed",
                    "dsr.completed");
            assertThat(received.get(0).get("data").get("partnerId").asText()).isEqualTo(Fixtures.PARTNER_A);
            assertThat(received.get(2).get("data").get("outcome").asText()).isEqualTo("FULFILLED");
        }
        post(mine, "completion", STATEMENT).then().statusCode(409);
        post(mine, "rejection", "{\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"x\"}").then().statusCode(409);
    }

    @Test
    @Verifies("3.5.c")
    void aDeletionStatementMustSayWhatWhereWhenAndByWhom() {
        UUID mine = Fixtures.taskOf(deletionFor(false, null), Fixtures.partnerA(), "PARTNER");
        post(mine, "completion", "{}").then().statusCode(400).body("errors[0].field", equalTo("deletion"));
        post(mine, "completion", "{\"deletion\":{\"systems\":[],\"deletedBy\":\" \"}}").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("deletion.whatWasDeleted", "deletion.systems",
                        "deletion.deletedAt", "deletion.deletedBy"));
        post(mine, "completion", STATEMENT.replace("2026-01-02", "2999-01-02")).then().statusCode(400)
                .body("errors[0].field", equalTo("deletion.deletedAt"));
        post(mine, "completion", "{\"export\":{\"a\":1}}").then().statusCode(400);
        post(mine, "completion", "not json").then().statusCode(400);
        assertThat(TestDb.single("SELECT status FROM dsr_task WHERE id = ?::uuid", mine.toString())).isEqualTo("OPEN");
    }

    @Test
    @Verifies(value = {"3.5.c.b", "3.5.c.c"}, exercises = "FanOutPlanner#plan")
    void aRecipientTaskIsCompletedWithANoticeThatTheDisclosureStoppedAndTheRecipientWasTold() {
        UUID request = deletionFor(false, Fixtures.recipients("Parcel Co", "DE"));
        UUID notice = Fixtures.taskOf(request, Fixtures.partnerA(), "RECIPIENT");
        given().get("/tasks/" + notice).then().statusCode(200).body("kind", equalTo("RECIPIENT"))
                .body("recipient.name", equalTo("Parcel Co")).body("recipient.country", equalTo("DE"))
                .body("instruction", org.hamcrest.Matchers.containsString("notify"));
        post(notice, "completion", STATEMENT).then().statusCode(400).body("errors.field",
                org.hamcrest.Matchers.hasItems("notice", "deletion"));
        post(notice, "completion", "{\"notice\":{\"disclosureStoppedAt\":\"2026-01-02T00:00:00Z\","
                + "\"recipientNotifiedAt\":\"2026-01-02T00:00:00Z\",\"notifiedBy\":\"dp team\",\"reference\":\"L-7\"}}")
                .then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("evidence.notice.reference", equalTo("L-7"));
    }

    @Test
    @Verifies({"3.5.b", "3.2.d"})
    void aCorrectionTaskShowsItsPartnerTheNewValuesInClear() {
        String subject = Fixtures.newSubject();
        Fixtures.holding(Fixtures.partnerA(), subject, "user.contact.email");
        UUID request = Flows.subjectSubmits(subject, RequestType.CORRECTION, null,
                List.of(new Correction("user.contact.email", "zhang.san@example.com")));
        UUID task = Fixtures.taskOf(request, Fixtures.partnerA(), "PARTNER");
        given().get("/tasks/" + task).then().statusCode(200).body("origin", equalTo("SUBJECT"))
                .body("corrections[0].value", equalTo("zhang.san@example.com"));
        post(task, "completion", "{\"correction\":{\"correctedAt\":\"2026-01-02T00:00:00Z\",\"correctedBy\":\"crm"
                + " team\"}}").then().statusCode(200).body("status", equalTo("COMPLETED"));
        assertThat(Fixtures.status(request)).isEqualTo("COMPLETED");
    }

    @Test
    @Verifies({"3.5.c", "3.5.d"})
    void aDeletionTasksRejectionNamesALegalBasisOtherThanConsentAndWaitsForTheOfficersReview() {
        UUID request = deletionFor(false, null);
        UUID mine = Fixtures.taskOf(request, Fixtures.partnerA(), "PARTNER");
        post(mine, "rejection", "{\"legalBasis\":\"LEGAL_OBLIGATION\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("explanation"));
        post(mine, "rejection", "{\"legalBasis\":\"BECAUSE\",\"explanation\":\"x\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("legalBasis"));
        post(mine, "rejection", "{\"legalBasis\":\"CONSENT\",\"explanation\":\"the user agreed\"}").then()
                .statusCode(422).body("clause", equalTo("3.5.c"))
                .body("type", equalTo("https://privacy-platform.example/problems/rejection-basis-insufficient"));
        // a cited retention basis is the partner's own
        UUID ofB = Fixtures.legalObligation(Fixtures.partnerB(), null, "user.name", "APPROVED");
        post(mine, "rejection", "{\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"x\",\"retentionBasisId\":\""
                + ofB + "\"}").then().statusCode(400).body("errors[0].field", equalTo("retentionBasisId"));
        assertThat(TestDb.single("SELECT status FROM dsr_task WHERE id = ?::uuid", mine.toString())).isEqualTo("OPEN");
        UUID own = Fixtures.legalObligation(Fixtures.partnerA(), null, "user.name", "PENDING_REVIEW");
        try (Events events = new Events("dsr.#")) {
            post(mine, "rejection", "{\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"Tax law: invoices are"
                    + " kept ten years\",\"retentionBasisId\":\"" + own + "\"}").then().statusCode(200)
                    .body("status", equalTo("REJECTION_IN_REVIEW"))
                    .body("rejection.legalBasis", equalTo("LEGAL_OBLIGATION"))
                    .body("rejection.retentionBasisId", equalTo(own.toString()))
                    .body("instruction", org.hamcrest.Matchers.containsString("review"));
            List<JsonNode> received = events.forSubject(request.toString(), 1, Duration.ofSeconds(10),
                    "dsr.task-rejection-requested");
            assertThat(received.get(0).get("data").get("legalBasis").asText()).isEqualTo("LEGAL_OBLIGATION");
        }
        assertThat(Fixtures.status(request)).isEqualTo("OPEN");
        // while in review the partner can neither reject again, claim nor complete it
        post(mine, "rejection", "{\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"x\"}").then().statusCode(409);
        post(mine, "claim", "{}").then().statusCode(409);
        post(mine, "completion", STATEMENT).then().statusCode(409);
    }

    @Test
    void anAccessTaskIsRejectedAtOnceAndTheRequestEndsNotFulfilled() {
        String subject = Fixtures.newSubject();
        Fixtures.holding(Fixtures.partnerA(), subject, "user.name");
        UUID request = Flows.subjectSubmits(subject, RequestType.ACCESS);
        UUID mine = Fixtures.taskOf(request, Fixtures.partnerA(), "PARTNER");
        post(mine, "rejection", "{\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"x\",\"retentionBasisId\":\""
                + UUID.randomUUID() + "\"}").then().statusCode(400).body("errors[0].field", equalTo("retentionBasisId"));
        try (Events events = new Events("dsr.#")) {
            post(mine, "rejection", "{\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"A court order forbids"
                    + " disclosure\"}").then().statusCode(200).body("status", equalTo("REJECTED"));
            List<JsonNode> received = events.forSubject(request.toString(), 2, Duration.ofSeconds(10),
                    "dsr.task-completed", "dsr.completed");
            assertThat(received.get(0).get("data").get("legalBasis").asText()).isEqualTo("LEGAL_OBLIGATION");
            assertThat(received.get(1).get("data").get("outcome").asText()).isEqualTo("NOT_FULFILLED");
        }
    }

    @Test
    @TestSecurity(user = "partner-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_B))
    @Verifies(value = "3.4.f", exercises = "TaskService#load")
    void anotherPartnersTaskIs404ForEveryAction() {
        UUID request = deletionFor(false, null);
        UUID ofA = Fixtures.taskOf(request, Fixtures.partnerA(), "PARTNER");
        given().get("/tasks/" + ofA).then().statusCode(404);
        given().get("/tasks/" + UUID.randomUUID()).then().statusCode(404);
        post(ofA, "claim", "{}").then().statusCode(404);
        post(ofA, "completion", STATEMENT).then().statusCode(404);
        post(ofA, "rejection", "{\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"x\"}").then().statusCode(404);
        given().queryParam("requestId", request.toString()).get("/tasks").then().body("items", hasSize(0));
        assertThat(TestDb.single("SELECT status FROM dsr_task WHERE id = ?::uuid", ofA.toString())).isEqualTo("OPEN");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void officersDoNotWorkPartnersTasks() {
        UUID ofA = Fixtures.taskOf(deletionFor(false, null), Fixtures.partnerA(), "PARTNER");
        given().get("/tasks").then().statusCode(403);
        post(ofA, "completion", STATEMENT).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "5b000000-0000-4000-8000-000000000501", roles = "data-subject")
    void subjectsDoNotWorkTasks() {
        given().get("/tasks").then().statusCode(403);
        post(UUID.randomUUID(), "claim", "{}").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersAre401OnTheQueue() {
        given().get("/tasks").then().statusCode(401);
        post(UUID.randomUUID(), "claim", "{}").then().statusCode(401);
    }
}

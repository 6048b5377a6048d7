package com.privacyplatform.dsr.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.support.Events;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Publish;
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

/**
 * 3.5.d: a terminated partner works the deletion tasks of its termination through /tasks (its
 * status is no obstacle here), and the last one resolved announces, once, that the termination's
 * deletion work is complete (dsr.termination-deletion-completed, subject = the partner).
 */
@QuarkusTest
@TestSecurity(user = "partner-t", roles = "partner")
class TerminationWorkTest {

    static final String WORKER = "d5a00000-0000-4000-8000-0000000007e1";
    static final String EXEMPTED = "d5a00000-0000-4000-8000-0000000007e2";
    static final String TYPE = "dsr.termination-deletion-completed";
    static final String NOTICE = "{\"notice\":{\"disclosureStoppedAt\":\"2026-01-02T00:00:00Z\","
            + "\"recipientNotifiedAt\":\"2026-01-02T00:00:00Z\",\"notifiedBy\":\"dp team\"}}";

    @Test
    @OidcSecurity(claims = @Claim(key = "partner_id", value = WORKER))
    @Verifies(value = "3.5.d", exercises = "TerminationWork#completeIfDone")
    void aTerminatedPartnerCompletesItsDeletionTasksAndTheLastAnnouncesTheEndOnce() {
        UUID partner = UUID.fromString(WORKER);
        String first = Fixtures.newSubject();
        String second = Fixtures.newSubject();
        Fixtures.holding(partner, first, "ACTIVE", "order_fulfilment", List.of("user.name"),
                Fixtures.recipients("Parcel Co", "DE"));
        Fixtures.holding(partner, second, "user.contact.email");
        try (Events events = new Events("dsr.#")) {
            Publish.partnerTerminated(partner);
            TerminationTest.awaitTerminationRequests(partner, 2);
            List<String> tasks = given().queryParam("status", "OPEN").queryParam("limit", 500).get("/tasks").then()
                    .statusCode(200).body("items", hasSize(3)).extract().path("items.id");
            assertThat(completedAt(partner)).isNull();

            // bad evidence changes nothing and announces nothing
            String deletion = TestDb.single("SELECT id FROM dsr_task WHERE partner_id = ?::uuid AND kind = 'PARTNER'"
                    + " LIMIT 1", WORKER).toString();
            post(deletion, "completion", NOTICE).then().statusCode(400).contentType("application/problem+json");
            assertThat(TestDb.single("SELECT status FROM dsr_task WHERE id = ?::uuid", deletion)).isEqualTo("OPEN");

            for (String task : tasks) {
                String kind = TestDb.single("SELECT kind FROM dsr_task WHERE id = ?::uuid", task).toString();
                String etag = post(task, "claim", "{}").then().statusCode(200).extract().header("ETag");
                if (!task.equals(tasks.get(tasks.size() - 1))) {
                    given().contentType(ContentType.JSON).header("If-Match", etag)
                            .body("PARTNER".equals(kind) ? STATEMENT : NOTICE).post("/tasks/" + task + "/completion")
                            .then().statusCode(200);
                    assertThat(completedAt(partner)).as("work left after task " + task).isNull();
                } else {
                    given().contentType(ContentType.JSON).header("If-Match", etag)
                            .body("PARTNER".equals(kind) ? STATEMENT : NOTICE).post("/tasks/" + task + "/completion")
                            .then().statusCode(200).body("status", equalTo("COMPLETED"));
                }
            }
            List<JsonNode> announced = events.forSubject(WORKER, 1, Duration.ofSeconds(10), TYPE);
            JsonNode data = announced.get(0).get("data");
            assertThat(data.get("partnerId").asText()).isEqualTo(WORKER);
            assertThat(data.get("requests").asInt()).isEqualTo(2);
            assertThat(data.get("tasksCompleted").asInt()).isEqualTo(3);
            assertThat(completedAt(partner)).isNotNull();
            assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE type = ? AND subject = ?", TYPE,
                    WORKER)).isEqualTo(1);
            assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action ="
                    + " 'termination.deletion-completed' AND target_id = ?", WORKER)).isEqualTo(1);
            post(deletion, "completion", STATEMENT).then().statusCode(409);
        }
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_A))
    void anotherPartnerCannotSeeOrWorkATerminatedPartnersTasks() {
        UUID terminated = Fixtures.newPartner();
        Fixtures.holding(terminated, Fixtures.newSubject(), "user.name");
        Publish.partnerTerminated(terminated);
        TerminationTest.awaitTerminationRequests(terminated, 1);
        String task = TestDb.single("SELECT id FROM dsr_task WHERE partner_id = ?::uuid", terminated.toString())
                .toString();
        given().get("/tasks/" + task).then().statusCode(404).contentType("application/problem+json");
        post(task, "claim", "{}").then().statusCode(404);
        assertThat(TestDb.single("SELECT status FROM dsr_task WHERE id = ?::uuid", task)).isEqualTo("OPEN");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies("3.5.d")
    void aPartnerThatHeldNothingIsDoneAtOnce() {
        UUID empty = Fixtures.newPartner();
        try (Events events = new Events("dsr.#")) {
            Publish.partnerTerminated(empty);
            JsonNode data = events.forSubject(empty.toString(), 1, Duration.ofSeconds(15), TYPE).get(0).get("data");
            assertThat(data.get("requests").asInt()).isZero();
        }
        assertThat(completedAt(empty)).isNotNull();
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "partner_id", value = EXEMPTED))
    @Verifies("3.5.d")
    void aRequestThatCompletesDuringTheFanOutDoesNotEndTheWorkOfTheOthers() {
        UUID partner = UUID.fromString(EXEMPTED);
        String retained = Fixtures.newSubject();
        String deleted = Fixtures.newSubject();
        Fixtures.holding(partner, retained, "user.name");
        Fixtures.holding(partner, deleted, "user.name");
        TerminationTest.retention(partner, retained, null);
        Publish.partnerTerminated(partner);
        TerminationTest.awaitTerminationRequests(partner, 2);
        assertThat(TestDb.count("SELECT count(*) FROM dsr_request WHERE origin_ref = ?::uuid AND status = 'COMPLETED'",
                EXEMPTED)).isEqualTo(1);
        assertThat(completedAt(partner)).isNull();
        String task = TestDb.single("SELECT t.id FROM dsr_task t JOIN dsr_request r ON r.id = t.request_id"
                + " WHERE r.origin_ref = ?::uuid AND t.status = 'OPEN'", EXEMPTED).toString();
        given().contentType(ContentType.JSON).body(STATEMENT).post("/tasks/" + task + "/completion").then()
                .statusCode(200);
        assertThat(completedAt(partner)).isNotNull();
    }

    static final String STATEMENT = "{\"deletion\":{\"whatWasDeleted\":\"profile, orders\",\"systems\":[\"crm\"],"
            + "\"deletedAt\":\"2026-01-02T03:04:05Z\",\"deletedBy\":\"dp team\"}}";

    private static io.restassured.response.Response post(String task, String action, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/tasks/" + task + "/" + action);
    }

    private static Object completedAt(UUID partner) {
        return TestDb.single("SELECT completed_at FROM deletion_order WHERE kind = 'TERMINATION' AND ref = ?::uuid",
                partner.toString());
    }
}

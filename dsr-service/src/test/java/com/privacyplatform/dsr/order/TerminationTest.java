package com.privacyplatform.dsr.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.commons.clause.Verifies;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.support.Events;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import com.privacyplatform.dsr.support.Publish;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 3.5.d: partner.terminated deletes everything the partner obtained, minus recorded retention bases. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class TerminationTest {

    static void retention(UUID partner, String subject, String category) {
        TestDb.execute("INSERT INTO retention_basis (id, partner_id, subject_id, category, legal_basis, explanation,"
                + " recorded_by, recorded_at) VALUES (gen_random_uuid(), '" + partner + "', "
                + (subject == null ? "NULL" : "'" + subject + "'") + ", " + (category == null ? "NULL" : "'" + category
                + "'") + ", 'LEGAL_OBLIGATION', 'anti-money-laundering records', 'partner:" + partner + "', now())");
    }

    static void awaitTerminationRequests(UUID partner, int count) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TestDb.count("SELECT count(*) FROM"
                + " dsr_request WHERE origin = 'TERMINATION' AND origin_ref = ?::uuid", partner.toString()))
                .isEqualTo(count));
    }

    static JsonPath requestOf(UUID partner, String subject) {
        String id = given().queryParam("subjectId", subject).queryParam("origin", "TERMINATION").get("/requests")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].id");
        return given().get("/requests/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Verifies("3.5.d")
    void terminationOpensDeletionWorkPerSubjectExceptWhatARetentionBasisCoversAndTracksItToCompletion() {
        UUID terminated = Fixtures.newPartner();
        String mixed = Fixtures.newSubject();
        String retained = Fixtures.newSubject();
        String lapsed = Fixtures.newSubject();
        Fixtures.holding(terminated, mixed, "ACTIVE", "payment_processing",
                List.of("user.contact.email", "user.financial.transaction"), Fixtures.recipients("Parcel Co", "DE"));
        Fixtures.holding(terminated, retained, "user.name");
        Fixtures.holding(terminated, lapsed, "EXPIRED", "analytics", List.of("user.contact.email"), null);
        Fixtures.holding(Fixtures.newPartner(), mixed, "user.name"); // another partner: not concerned
        retention(terminated, retained, null);
        retention(terminated, null, "user.financial.transaction");

        try (Events events = new Events("dsr.#")) {
            Publish.partnerTerminated(terminated);
            awaitTerminationRequests(terminated, 3);

            JsonPath ofMixed = requestOf(terminated, mixed);
            assertThat(ofMixed.getString("type")).isEqualTo("DELETION");
            assertThat(ofMixed.getString("status")).isEqualTo("OPEN");
            assertThat(ofMixed.getString("policy.id")).isEqualTo("PLATFORM_DEFAULT");
            assertThat(ofMixed.getList("tasks")).hasSize(2);
            assertThat(ofMixed.getList("tasks.partnerId", String.class)).containsOnly(terminated.toString());
            assertThat(ofMixed.getList("tasks.find { it.kind == 'PARTNER' }.categories", String.class))
                    .containsExactly("user.contact.email");
            assertThat(ofMixed.getList("tasks.find { it.kind == 'PARTNER' }.retainedCategories", String.class))
                    .containsExactly("user.financial.transaction");
            assertThat(ofMixed.getString("tasks.find { it.kind == 'RECIPIENT' }.recipient.name")).isEqualTo("Parcel Co");

            JsonPath ofRetained = requestOf(terminated, retained);
            assertThat(ofRetained.getString("status")).isEqualTo("COMPLETED");
            assertThat(ofRetained.getString("outcome")).isEqualTo("RETAINED");
            assertThat(ofRetained.getString("tasks[0].status")).isEqualTo("EXEMPT");

            JsonPath ofLapsed = requestOf(terminated, lapsed);
            UUID lapsedRequest = UUID.fromString(ofLapsed.getString("id"));
            List<JsonNode> received = events.forSubject(lapsedRequest.toString(), 2, Duration.ofSeconds(10));
            assertThat(Events.types(received)).containsExactly("dsr.submitted", "dsr.task-created");
            assertThat(received.get(0).get("data").get("origin").asText()).isEqualTo("TERMINATION");

            Flows.partnerDeletes(Fixtures.taskOf(lapsedRequest, terminated, "PARTNER"));
            given().get("/requests/" + lapsedRequest).then().body("status", equalTo("COMPLETED"))
                    .body("outcome", equalTo("FULFILLED"));
        }
    }

    @Test
    @Verifies("3.5.d")
    void aTerminationFansOutOnceAndLaterRequestsNoLongerAddressTheTerminatedPartner() {
        UUID terminated = Fixtures.newPartner();
        UUID active = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        Fixtures.holding(terminated, subject, "user.name");
        Fixtures.holding(active, subject, "user.name");
        UUID first = Publish.partnerTerminated(terminated);
        awaitTerminationRequests(terminated, 1);
        Publish.partnerTerminated(first, terminated); // redelivered
        UUID again = Publish.partnerTerminated(terminated); // terminated "again": another event
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestDb.count(
                "SELECT count(*) FROM platform_inbox WHERE event_id = ?::uuid", again.toString())).isEqualTo(1));
        assertThat(TestDb.count("SELECT count(*) FROM dsr_request WHERE origin_ref = ?::uuid", terminated.toString()))
                .isEqualTo(1);
        assertThat(TestDb.single("SELECT requests FROM deletion_order WHERE kind = 'TERMINATION' AND ref = ?::uuid",
                terminated.toString())).isEqualTo(1);

        UUID later = Flows.subjectSubmits(subject, RequestType.DELETION);
        given().get("/requests/" + later).then().body("tasks", hasSize(1))
                .body("tasks[0].partnerId", equalTo(active.toString()));
    }
}

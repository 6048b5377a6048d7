package com.privacyplatform.dsr.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
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

    /** An approved legal obligation: the only kind of legal basis the fan-out honours. */
    static void retention(UUID partner, String subject, String category) {
        Fixtures.legalObligation(partner, subject, category, "APPROVED");
    }

    /** An express-consent basis as recorded after its consent was found (CONSENT_VERIFIED). */
    static UUID consentBasis(UUID partner, String subject, UUID consentId, String category) {
        return UUID.fromString(TestDb.single("INSERT INTO retention_basis (id, partner_id, subject_id, category,"
                + " legal_basis, explanation, consent_id, status, recorded_by, recorded_at) VALUES (gen_random_uuid(),"
                + " '" + partner + "', '" + subject + "', " + (category == null ? "NULL" : "'" + category + "'")
                + ", 'EXPRESS_CONSENT', 'kept on request', '" + consentId + "', 'CONSENT_VERIFIED', 'partner:"
                + partner + "', now()) RETURNING id::text").toString());
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
    @Verifies(value = "3.5.d", exercises = "MassDeletions#terminated")
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
    @Verifies(value = "3.5.d", exercises = "MassDeletions#terminated")
    void onlyApprovedLegalObligationsAndStandingExpressConsentsGivenBeforeTheTerminationExemptAnything() {
        UUID terminated = Fixtures.newPartner();
        String pending = Fixtures.newSubject();
        String refused = Fixtures.newSubject();
        String lapsed = Fixtures.newSubject();
        String consented = Fixtures.newSubject();
        String partly = Fixtures.newSubject();
        String withdrawn = Fixtures.newSubject();
        String late = Fixtures.newSubject();
        String implied = Fixtures.newSubject();
        for (String s : List.of(pending, refused, lapsed, consented, partly, withdrawn, late, implied)) {
            Fixtures.holding(terminated, s, "ACTIVE", "payment_processing",
                    List.of("user.name", "user.financial.transaction"), null);
        }
        Fixtures.legalObligation(terminated, pending, null, "PENDING_REVIEW");
        Fixtures.legalObligation(terminated, refused, null, "REFUSED");
        TestDb.execute("INSERT INTO retention_basis (id, partner_id, subject_id, legal_basis, explanation, status,"
                + " recorded_by, recorded_at) VALUES (gen_random_uuid(), '" + terminated + "', '" + lapsed + "',"
                + " 'VITAL_INTERESTS', 'recorded before evidence was required', 'LAPSED', 'p', now())");
        // the subject's express consent to retention, given before the termination, still standing
        consentBasis(terminated, consented, Fixtures.retentionConsent(terminated, consented, "ACTIVE", "CHECKBOX",
                "'2026-11-01T00:00:00Z'", "user.name", "user.financial.transaction"), null);
        // ... covering only one of the categories held
        consentBasis(terminated, partly, Fixtures.retentionConsent(terminated, partly, "ACTIVE", "SIGNATURE",
                "'2026-11-01T00:00:00Z'", "user.financial.transaction"), null);
        // revoked by the subject after the basis was recorded; given after the termination; not express
        consentBasis(terminated, withdrawn, Fixtures.retentionConsent(terminated, withdrawn, "REVOKED", "CHECKBOX",
                "'2026-11-01T00:00:00Z'", "user.name", "user.financial.transaction"), null);
        consentBasis(terminated, late, Fixtures.retentionConsent(terminated, late, "ACTIVE", "CHECKBOX",
                "'2026-11-27T00:00:00Z'", "user.name", "user.financial.transaction"), null);
        consentBasis(terminated, implied, Fixtures.retentionConsent(terminated, implied, "ACTIVE", "IMPLIED",
                "'2026-11-01T00:00:00Z'", "user.name", "user.financial.transaction"), null);

        Publish.partnerTerminatedAt(UUID.randomUUID(), terminated, "2026-11-26T00:00:00Z");
        awaitTerminationRequests(terminated, 8);

        for (String deleted : List.of(pending, refused, lapsed, withdrawn, late, implied)) {
            JsonPath request = requestOf(terminated, deleted);
            assertThat(request.getString("status")).as(deleted).isEqualTo("OPEN");
            assertThat(request.getList("tasks[0].retainedCategories")).as(deleted).isEmpty();
            assertThat(request.getList("tasks[0].categories", String.class)).as(deleted)
                    .contains("user.name", "user.financial.transaction");
        }
        JsonPath kept = requestOf(terminated, consented);
        assertThat(kept.getString("outcome")).isEqualTo("RETAINED");
        assertThat(kept.getString("tasks[0].status")).isEqualTo("EXEMPT");
        JsonPath part = requestOf(terminated, partly);
        assertThat(part.getString("status")).isEqualTo("OPEN");
        assertThat(part.getList("tasks[0].categories", String.class)).containsExactly("user.name");
        assertThat(part.getList("tasks[0].retainedCategories", String.class))
                .containsExactly("user.financial.transaction");
    }

    @Test
    @Verifies(value = "3.5.d", exercises = "MassDeletions#terminated")
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

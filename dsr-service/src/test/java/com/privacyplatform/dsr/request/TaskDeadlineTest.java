package com.privacyplatform.dsr.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.dsr.deadline.Deadline;
import com.privacyplatform.dsr.deadline.Deadlines;
import com.privacyplatform.dsr.overdue.OverdueScanner;
import com.privacyplatform.dsr.support.Events;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import com.privacyplatform.dsr.support.Publish;
import com.privacyplatform.testing.MovableClock;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Promptly" is not the submitter's choice (3.5.b-c): each task's deadline follows the jurisdictions of
 * the consents it rests on (the partner's where a consent names none), the earliest wins, the request is
 * due on its earliest task's day, and recipient tasks get their own short deadline.
 */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class TaskDeadlineTest {

    static final String LAX_CHOOSER = "5b000000-0000-4000-8000-000000000e01";

    @Inject
    Deadlines deadlines;

    @Inject
    OverdueScanner scanner;

    @Inject
    MovableClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    private Deadline expected(String... jurisdictions) {
        return deadlines.rules().earliest(List.of(jurisdictions), "SUBJECT", LocalDate.now(ZoneOffset.UTC));
    }

    private static JsonPath view(UUID request) {
        return given().get("/requests/" + request).then().statusCode(200).extract().jsonPath();
    }

    private static String task(String partner) {
        return "tasks.find { it.partnerId == '" + partner + "' && it.kind == 'PARTNER' }.";
    }

    @Test
    @TestSecurity(user = LAX_CHOOSER, roles = "data-subject")
    @Verifies(value = {"3.5.b", "3.5.c"}, exercises = "DeadlineAssignment#schedule")
    void theSubmittersJurisdictionNoLongerSetsTheDeadlineTheConsentsDo() {
        UUID partner = Fixtures.newPartner();
        Fixtures.holdingUnder("CN", partner, LAX_CHOOSER, "user.name", "user.contact.email");
        Deadline pipl = expected("CN");
        try (Events events = new Events("dsr.submitted")) {
            String id = given().contentType(ContentType.JSON).body("{\"type\":\"DELETION\",\"jurisdiction\":\"DE\"}")
                    .post("/requests").then().statusCode(201)
                    .body("policy.id", equalTo("PIPL")).body("jurisdiction", equalTo("CN"))
                    .body("jurisdictions", equalTo(List.of("CN"))).body("dueOn", equalTo(pipl.dueOn().toString()))
                    .body("tasks[0].policyId", equalTo("PIPL")).body("tasks[0].jurisdiction", equalTo("CN"))
                    .body("tasks[0].dueOn", equalTo(pipl.dueOn().toString()))
                    .extract().path("id");
            JsonNode submitted = events.forSubject(id, 1, Duration.ofSeconds(10)).get(0).get("data");
            assertThat(submitted.get("policy").asText()).isEqualTo("PIPL");
            assertThat(submitted.get("jurisdiction").asText()).isEqualTo("CN");
            assertThat(submitted.get("dueOn").asText()).isEqualTo(pipl.dueOn().toString());
            // the submitter's "DE" was not kept anywhere
            assertThat(TestDb.single("SELECT jurisdiction FROM dsr_request WHERE id = ?::uuid", id)).isEqualTo("CN");
        }
        given().contentType(ContentType.JSON).body("{\"type\":\"ACCESS\",\"jurisdiction\":\"US\"}").post("/requests")
                .then().statusCode(201).body("policy.id", equalTo("PIPL"))
                .body("dueOn", equalTo(pipl.dueOn().toString())).body("receiptConfirmationDueOn", nullValue());
    }

    @Test
    @Verifies(value = {"3.5.b", "3.5.c"}, exercises = "DeadlineAssignment#schedule")
    void aTaskOnConsentsUnderSeveralJurisdictionsGetsTheEarliestDeadline() {
        UUID partner = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        Fixtures.holdingUnder("FR", partner, subject, "ACTIVE", "order_fulfilment", List.of("user.name"), null);
        Fixtures.holdingUnder("CN", partner, subject, "ACTIVE", "analytics", List.of("user.behavior.browsing"), null);
        Fixtures.holdingUnder("US", partner, subject, "ACTIVE", "payment_processing", List.of("user.name"), null);
        Deadline earliest = expected("FR", "CN", "US");
        Deadline gdpr = expected("FR");
        Deadline ccpa = expected("US");
        assertThat(earliest.dueOn()).isEqualTo(List.of(expected("CN").dueOn(), gdpr.dueOn(), ccpa.dueOn()).stream()
                .min(LocalDate::compareTo).orElseThrow());
        JsonPath view = view(Flows.subjectSubmits(subject, RequestType.ACCESS));
        assertThat(view.getString(task(partner.toString()) + "policyId")).isEqualTo(earliest.policyId());
        assertThat(view.getString(task(partner.toString()) + "dueOn")).isEqualTo(earliest.dueOn().toString());
        assertThat(view.getList(task(partner.toString()) + "jurisdictions", String.class))
                .containsExactly("CN", "FR", "US");
        assertThat(view.getString("dueOn")).isEqualTo(earliest.dueOn().toString());
        // CCPA asks for a receipt confirmation: any of the task's laws that requires one counts
        assertThat(view.getString("receiptConfirmationDueOn")).isEqualTo(ccpa.receiptConfirmationDueOn().toString());
    }

    @Test
    @Verifies({"3.5.b", "3.5.c"})
    void whereAConsentNamesNoJurisdictionThePartnersAnnouncedJurisdictionApplies() {
        UUID american = Fixtures.newPartner();
        UUID british = Fixtures.newPartner();
        UUID unknown = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        Publish.partnerActivated(american, "US", "2026-11-01T00:00:00Z");
        UUID stale = Publish.partnerScopeChanged(american, "GB", "2026-10-01T00:00:00Z"); // older: must not win
        Publish.partnerScopeChanged(british, "GB", "2026-11-02T00:00:00Z");
        UUID silent = Ids.newId();
        UUID named = Ids.newId();
        Publish.consentGranted(silent, american, subject, "order_fulfilment", List.of("user.name"), List.of());
        Publish.consentGranted(named, british, subject, "order_fulfilment", List.of("user.name"), List.of(), "DE");
        Publish.consentGranted(Ids.newId(), unknown, subject, "order_fulfilment", List.of("user.name"), List.of());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(TestDb.count("SELECT count(*) FROM consent_holding WHERE subject_id = ?", subject)).isEqualTo(3);
            assertThat(TestDb.count("SELECT count(*) FROM partner_jurisdiction WHERE partner_id IN (?::uuid, ?::uuid)",
                    american.toString(), british.toString())).isEqualTo(2);
            assertThat(TestDb.count("SELECT count(*) FROM platform_inbox WHERE event_id = ?::uuid", stale.toString()))
                    .isEqualTo(1);
        });
        assertThat(TestDb.single("SELECT jurisdiction FROM consent_holding WHERE consent_id = ?::uuid",
                silent.toString())).isNull();
        assertThat(TestDb.single("SELECT jurisdiction FROM consent_holding WHERE consent_id = ?::uuid",
                named.toString())).isEqualTo("DE");

        JsonPath view = view(Flows.subjectSubmits(subject, RequestType.ACCESS));
        assertThat(view.getString(task(american.toString()) + "policyId")).isEqualTo("CCPA");
        assertThat(view.getString(task(american.toString()) + "jurisdiction")).isEqualTo("US");
        assertThat(view.getString(task(british.toString()) + "policyId")).isEqualTo("GDPR"); // the consent's DE
        assertThat(view.getString(task(unknown.toString()) + "policyId")).isEqualTo("PLATFORM_DEFAULT");
        assertThat(view.getString(task(unknown.toString()) + "jurisdiction")).isNull();
        assertThat(view.getList("jurisdictions", String.class)).containsExactly("DE", "US");
    }

    @Test
    @Verifies(value = {"3.5.b", "3.5.c"}, exercises = {"TaskChangeResource#complete", "TaskWork#complete"})
    void theRequestIsDueOnItsEarliestTasksDayWhichMovesOnWhenThatTaskIsDone() {
        UUID chinese = Fixtures.newPartner();
        UUID french = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        Fixtures.holdingUnder("CN", chinese, subject, "user.name");
        Fixtures.holdingUnder("FR", french, subject, "user.name");
        Deadline pipl = expected("CN");
        Deadline gdpr = expected("FR");
        UUID request = Flows.subjectSubmits(subject, RequestType.ACCESS);
        JsonPath view = view(request);
        LocalDate first = pipl.dueOn().isBefore(gdpr.dueOn()) ? pipl.dueOn() : gdpr.dueOn();
        LocalDate second = pipl.dueOn().isBefore(gdpr.dueOn()) ? gdpr.dueOn() : pipl.dueOn();
        UUID earlier = pipl.dueOn().isBefore(gdpr.dueOn()) ? chinese : french;
        assertThat(view.getString("dueOn")).isEqualTo(first.toString());
        assertThat(view.getString("originalDueOn")).isEqualTo(first.toString());
        assertThat(view.getList("jurisdictions", String.class)).containsExactly("CN", "FR");
        assertThat(view.getString(task(chinese.toString()) + "dueOn")).isEqualTo(pipl.dueOn().toString());
        assertThat(view.getString(task(french.toString()) + "dueOn")).isEqualTo(gdpr.dueOn().toString());

        Flows.partnerExports(Fixtures.taskOf(request, earlier, "PARTNER"), "{\"orders\":1}");
        view = view(request);
        assertThat(view.getString("status")).isEqualTo("OPEN");
        assertThat(view.getString("dueOn")).isEqualTo(second.toString());
        assertThat(view.getString("originalDueOn")).isEqualTo(first.toString());
        assertThat(view.getBoolean("overdue")).isFalse();
    }

    @Test
    @Verifies("3.5.c.b")
    void recipientTasksAreDueSeventyTwoHoursAfterReceiptAndEscalateToTheHour() throws Throwable {
        UUID partner = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        Fixtures.holdingUnder("FR", partner, subject, "ACTIVE", "order_fulfilment", List.of("user.name"),
                Fixtures.recipients("Parcel Co", "DE"));
        Deadline gdpr = expected("FR");
        UUID request;
        try (Events events = new Events("dsr.task-created")) {
            request = Flows.subjectSubmits(subject, RequestType.DELETION);
            List<JsonNode> created = events.forSubject(request.toString(), 2, Duration.ofSeconds(10));
            JsonNode ofRecipient = created.stream().filter(e -> e.get("data").get("kind").asText().equals("RECIPIENT"))
                    .findFirst().orElseThrow().get("data");
            assertThat(ofRecipient.get("policy").isNull()).isTrue();
            assertThat(ofRecipient.get("dueAt").asText()).isNotBlank();
        }
        JsonPath view = view(request);
        Instant received = Instant.parse(view.getString("receivedAt"));
        String recipient = "tasks.find { it.kind == 'RECIPIENT' }.";
        assertThat(Instant.parse(view.getString(recipient + "dueAt")))
                .isEqualTo(received.plus(Duration.ofHours(72)).truncatedTo(ChronoUnit.SECONDS));
        assertThat(view.getString(recipient + "policyId")).isNull();
        assertThat(view.getString(task(partner.toString()) + "policyId")).isEqualTo("GDPR");
        assertThat(view.getString("dueOn")).isEqualTo(gdpr.dueOn().toString()); // the recipient's is its own

        // the recipient's 72 hours pass: its task is overdue, the request (due in a month) is not
        UUID recipientTask = Fixtures.taskOf(request, partner, "RECIPIENT");
        clock.advance(Duration.ofHours(72).plusMinutes(1));
        try (Events events = new Events("dsr.overdue")) {
            VertxContextSupport.subscribeAndAwait(() -> scanner.scan());
            JsonNode overdue = events.forSubject(request.toString(), 1, Duration.ofSeconds(10)).get(0).get("data");
            assertThat(overdue.get("taskId").asText()).isEqualTo(recipientTask.toString());
        }
        view = view(request);
        assertThat(view.getBoolean(recipient + "overdue")).isTrue();
        assertThat(view.getBoolean("overdue")).isFalse();
        given().queryParam("subjectId", subject).queryParam("overdue", "true").get("/requests").then()
                .body("items.size()", equalTo(0));
    }

    @Test
    @Verifies({"3.5.b", "3.5.c"})
    void anExtensionMovesEachTaskWithinItsOwnLawAndTheRequestKeepsItsEarliestDay() {
        UUID chinese = Fixtures.newPartner();
        UUID french = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        Fixtures.holdingUnder("CN", chinese, subject, "user.name");
        Fixtures.holdingUnder("FR", french, subject, "ACTIVE", "order_fulfilment", List.of("user.name"),
                Fixtures.recipients("Parcel Co", "DE"));
        Deadline pipl = expected("CN");
        Deadline gdpr = expected("FR");
        UUID request = Flows.subjectSubmits(subject, RequestType.DELETION);
        String recipientDue = view(request).getString("tasks.find { it.kind == 'RECIPIENT' }.dueAt");
        try (Events events = new Events("dsr.extended")) {
            given().contentType(ContentType.JSON).body("{\"reason\":\"Archived systems must be searched\"}")
                    .post("/requests/" + request + "/extension").then().statusCode(200)
                    .body(task(chinese.toString()) + "dueOn", equalTo(pipl.dueOn().toString()))
                    .body(task(french.toString()) + "dueOn", equalTo(gdpr.latestDueOn().toString()))
                    .body("tasks.find { it.kind == 'RECIPIENT' }.dueAt", equalTo(recipientDue))
                    .body("dueOn", equalTo(pipl.dueOn().toString()))
                    .body("extension.reason", equalTo("Archived systems must be searched"));
            JsonNode extended = events.forSubject(request.toString(), 1, Duration.ofSeconds(10)).get(0).get("data");
            assertThat(extended.get("dueOn").asText()).isEqualTo(pipl.dueOn().toString());
        }
        given().contentType(ContentType.JSON).body("{\"reason\":\"again\"}").post("/requests/" + request
                + "/extension").then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("once"));
    }

    @Test
    @Verifies({"3.5.a", "3.5.b"})
    void aRevocationIsDueByTheJurisdictionOfTheConsentsItRevokes() {
        String subject = Fixtures.newSubject();
        Fixtures.holdingUnder("US", Fixtures.newPartner(), subject, "user.name");
        Deadline ccpa = expected("US");
        JsonPath view = view(Flows.subjectSubmits(subject, RequestType.REVOKE_AUTHORIZATION));
        assertThat(view.getString("policy.id")).isEqualTo("CCPA");
        assertThat(view.getString("jurisdiction")).isEqualTo("US");
        assertThat(view.getString("dueOn")).isEqualTo(ccpa.dueOn().toString());
        assertThat(view.getString("receiptConfirmationDueOn")).isEqualTo(ccpa.receiptConfirmationDueOn().toString());
    }
}

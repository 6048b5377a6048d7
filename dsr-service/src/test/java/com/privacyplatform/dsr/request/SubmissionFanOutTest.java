package com.privacyplatform.dsr.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.support.Events;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 3.5.a, 3.5.c.b-c: a subject's request fans out to every partner concerned and every recorded recipient. */
@QuarkusTest
class SubmissionFanOutTest {

    static final String FAN_OUT = "5b000000-0000-4000-8000-000000000001";
    static final String CHOSEN = "5b000000-0000-4000-8000-000000000002";
    static final String NOBODY = "5b000000-0000-4000-8000-000000000003";
    static final String STRANGER = "5b000000-0000-4000-8000-000000000004";
    static final String ACCESSOR = "5b000000-0000-4000-8000-000000000005";

    @Test
    @TestSecurity(user = FAN_OUT, roles = "data-subject")
    @Verifies(value = {"3.5.c.b", "3.5.c.c", "3.5.c.a"}, exercises = "FanOutPlanner#plan")
    void aDeletionFansOutToEveryPartnerThatObtainedTheDataAndToEachRecordedRecipient() {
        UUID a = Fixtures.newPartner();
        UUID b = Fixtures.newPartner();
        UUID revoked = Fixtures.newPartner();
        Fixtures.holdingUnder("DE", a, FAN_OUT, "ACTIVE", "order_fulfilment",
                List.of("user.name", "user.contact.email"), Fixtures.recipients("Parcel Co", "DE", "Ads Ltd", "GB"));
        Fixtures.holdingUnder("DE", a, FAN_OUT, "ACTIVE", "marketing.communications", List.of("user.contact.email"),
                Fixtures.recipients("parcel co", "DE"));
        Fixtures.holdingUnder("DE", b, FAN_OUT, "user.financial.transaction");
        Fixtures.holdingUnder("AT", revoked, FAN_OUT, "REVOKED", "analytics", List.of("user.behavior.browsing"), null);
        Fixtures.holding(a, Fixtures.newSubject(), "user.name"); // another subject: not concerned

        try (Events events = new Events("dsr.#")) {
            JsonPath view = given().contentType(ContentType.JSON).body("{\"type\":\"DELETION\",\"jurisdiction\":\"DE\"}")
                    .post("/requests").then().statusCode(201)
                    .header("Location", org.hamcrest.Matchers.containsString("/requests/"))
                    .body("status", equalTo("OPEN")).body("subjectId", equalTo(FAN_OUT))
                    .body("policy.id", equalTo("GDPR")).body("dueOn", notNullValue())
                    .body("tasks", hasSize(5))
                    .extract().jsonPath();
            UUID id = UUID.fromString(view.getString("id"));
            List<String> partnerTasks = view.getList("tasks.findAll { it.kind == 'PARTNER' }.partnerId");
            assertThat(partnerTasks).containsExactlyInAnyOrder(a.toString(), b.toString(), revoked.toString());
            List<String> recipients = view.getList("tasks.findAll { it.kind == 'RECIPIENT' }.recipient.name");
            assertThat(recipients).containsExactlyInAnyOrder("Parcel Co", "Ads Ltd");
            assertThat(view.getList("tasks.findAll { it.kind == 'RECIPIENT' }.partnerId", String.class))
                    .containsOnly(a.toString());
            assertThat(view.getList("tasks.find { it.partnerId == '" + a + "' && it.kind == 'PARTNER' }.categories",
                    String.class)).containsExactly("user.contact.email", "user.name");

            List<JsonNode> received = events.forSubject(id.toString(), 6, Duration.ofSeconds(10));
            assertThat(Events.types(received)).containsExactly("dsr.submitted", "dsr.task-created",
                    "dsr.task-created", "dsr.task-created", "dsr.task-created", "dsr.task-created");
            assertThat(received.get(0).get("source").asText()).isEqualTo("/dsr-service");
            assertThat(received.get(0).get("data").get("dueOn").asText()).isEqualTo(view.getString("dueOn"));
            assertThat(received.toString()).doesNotContain("Parcel Co\",\"country\":null");
        }
    }

    @Test
    @TestSecurity(user = CHOSEN, roles = "data-subject")
    void aSubjectMayAddressChosenPartnersOnlyAndAccessCreatesNoRecipientTasks() {
        UUID a = Fixtures.newPartner();
        UUID b = Fixtures.newPartner();
        Fixtures.holding(a, CHOSEN, "ACTIVE", "order_fulfilment", List.of("user.name"),
                Fixtures.recipients("Parcel Co", "DE"));
        Fixtures.holding(b, CHOSEN, "user.name");
        given().contentType(ContentType.JSON).body("{\"type\":\"ACCESS\",\"partnerIds\":[\"" + a + "\"]}")
                .post("/requests").then().statusCode(201)
                .body("partnerIds", equalTo(List.of(a.toString())))
                .body("tasks", hasSize(1)).body("tasks[0].partnerId", equalTo(a.toString()))
                .body("tasks[0].kind", equalTo("PARTNER")).body("export.parts", equalTo(0));
    }

    @Test
    @TestSecurity(user = STRANGER, roles = "data-subject")
    @Verifies(value = "3.4.f", exercises = "Addressees#requireHolders")
    void namingAPartnerThatNeverObtainedTheSubjectsDataIsRefusedAndNothingIsStored() {
        UUID holder = Fixtures.newPartner();
        Fixtures.holding(holder, STRANGER, "user.name");
        UUID stranger = Fixtures.newPartner();
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"DELETION\",\"partnerIds\":[\"" + holder + "\",\"" + stranger + "\"]}")
                .post("/requests").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://privacy-platform.example/problems/partner-holds-no-data"))
                .body("clause", equalTo("3.5.c")).body("errors[0].field", equalTo("partnerIds[1]"));
        assertThat(Fixtures.requestsOf(STRANGER)).isZero();
    }

    @Test
    @TestSecurity(user = NOBODY, roles = "data-subject")
    void aRequestNobodyHoldsDataForCompletesAtOnceWithNoDataHeld() {
        try (Events events = new Events("dsr.#")) {
            String id = given().contentType(ContentType.JSON).body("{\"type\":\"ACCESS\"}").post("/requests")
                    .then().statusCode(201).body("status", equalTo("COMPLETED"))
                    .body("outcome", equalTo("NO_DATA_HELD")).body("tasks", hasSize(0))
                    .body("completedAt", notNullValue()).extract().path("id");
            List<JsonNode> received = events.forSubject(id, 2, Duration.ofSeconds(10));
            assertThat(Events.types(received)).containsExactly("dsr.submitted", "dsr.completed");
            assertThat(received.get(1).get("data").get("outcome").asText()).isEqualTo("NO_DATA_HELD");
        }
    }

    @Test
    @TestSecurity(user = ACCESSOR, roles = "data-subject")
    void theSubjectsOwnRequestCarriesNoOnBehalfPartnerAndTheAuditTrailRecordsIt() {
        Fixtures.holdingUnder("US", Fixtures.newPartner(), ACCESSOR, "user.name");
        String id = given().contentType(ContentType.JSON).body("{\"type\":\"ACCESS\"}")
                .post("/requests").then().statusCode(201).body("onBehalfOfPartnerId", nullValue())
                .body("policy.id", equalTo("CCPA")).body("receiptConfirmationDueOn", notNullValue())
                .body("receiptConfirmedAt", notNullValue()).extract().path("id");
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ? AND action ="
                + " 'dsr-request.submitted' AND actor = ?", id, "user:" + ACCESSOR)).isEqualTo(1);
    }
}

package com.privacyplatform.dsr.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A partner's submission on a subject's behalf starts only when the subject confirms it. */
@QuarkusTest
class ConfirmationTest {

    static final String CONFIRMING = "5b000000-0000-4000-8000-000000000301";
    static final String DECLINING = "5b000000-0000-4000-8000-000000000302";
    static final String OTHER = "5b000000-0000-4000-8000-000000000303";
    static final String ALREADY_ASKED = "5b000000-0000-4000-8000-000000000304";

    private static io.restassured.response.Response confirm(Object id, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/requests/" + id + "/confirmation");
    }

    @Test
    @TestSecurity(user = CONFIRMING, roles = "data-subject")
    @Verifies(value = "3.5.a", exercises = {"RequestChangeResource#confirm", "RequestWorkflow#submit"})
    void theSubjectsConfirmationStartsTheClockAndTheFanOut() {
        UUID partner = Fixtures.newPartner();
        Fixtures.holding(partner, CONFIRMING, "user.name");
        Fixtures.holding(Fixtures.newPartner(), CONFIRMING, "user.name");
        UUID id = Flows.partnerSubmits(partner, CONFIRMING, RequestType.DELETION, null);
        String etag = given().get("/requests/" + id).then().statusCode(200)
                .body("status", equalTo("AWAITING_SUBJECT_CONFIRMATION")).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", "\"99\"").body("{\"confirmed\":true}")
                .post("/requests/" + id + "/confirmation").then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", etag).body("{\"confirmed\":true}")
                .post("/requests/" + id + "/confirmation").then().statusCode(200)
                .body("status", equalTo("OPEN")).body("receivedAt", notNullValue()).body("dueOn", notNullValue())
                .body("tasks", hasSize(2));
        confirm(id, "{\"confirmed\":true}").then().statusCode(409);
        given().get("/requests/" + id + "/timeline").then().body("kind[0]", equalTo("AWAITING_SUBJECT_CONFIRMATION"))
                .body("kind[1]", equalTo("CONFIRMED_BY_SUBJECT"));
    }

    @Test
    @TestSecurity(user = DECLINING, roles = "data-subject")
    void aDeclinedRequestClosesWithoutAnyTask() {
        UUID partner = Fixtures.newPartner();
        Fixtures.holding(partner, DECLINING, "user.name");
        UUID id = Flows.partnerSubmits(partner, DECLINING, RequestType.DELETION, null);
        confirm(id, "{}").then().statusCode(400).body("errors[0].field", equalTo("confirmed"));
        confirm(id, "{\"confirmed\":\"perhaps\"}").then().statusCode(400);
        confirm(id, "{\"confirmed\":false}").then().statusCode(200).body("status", equalTo("DECLINED"))
                .body("tasks", hasSize(0));
        assertThat(Fixtures.tasksOf(id)).isZero();
    }

    @Test
    @TestSecurity(user = OTHER, roles = "data-subject")
    void anotherSubjectsRequestCannotBeConfirmedAndReadsAs404() {
        UUID partner = Fixtures.newPartner();
        String subject = Fixtures.newSubject();
        Fixtures.holding(partner, subject, "user.name");
        UUID id = Flows.partnerSubmits(partner, subject, RequestType.DELETION, null);
        confirm(id, "{\"confirmed\":true}").then().statusCode(404)
                .body("type", equalTo("https://privacy-platform.example/problems/not-found"));
        confirm(UUID.randomUUID(), "{\"confirmed\":true}").then().statusCode(404);
        assertThat(Fixtures.status(id)).isEqualTo("AWAITING_SUBJECT_CONFIRMATION");
    }

    @Test
    @TestSecurity(user = ALREADY_ASKED, roles = "data-subject")
    void confirmingWhatTheSubjectAlreadyHasOpenLinksItInsteadOfFanningOutTwice() {
        UUID partner = Fixtures.newPartner();
        Fixtures.holding(partner, ALREADY_ASKED, "user.name");
        UUID onBehalf = Flows.partnerSubmits(partner, ALREADY_ASKED, RequestType.DELETION, null);
        UUID own = Flows.subjectSubmits(ALREADY_ASKED, RequestType.DELETION);
        confirm(onBehalf, "{\"confirmed\":true}").then().statusCode(200).body("status", equalTo("LINKED"))
                .body("linkedRequestId", equalTo(own.toString()));
        assertThat(Fixtures.tasksOf(onBehalf)).isZero();
        assertThat(Fixtures.tasksOf(own)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_A))
    void partnersCannotConfirmForTheSubject() {
        UUID id = Flows.partnerSubmits(Fixtures.partnerA(), Fixtures.newSubject(), RequestType.ACCESS, null);
        confirm(id, "{\"confirmed\":true}").then().statusCode(403);
        assertThat(Fixtures.status(id)).isEqualTo("AWAITING_SUBJECT_CONFIRMATION");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void officersCannotConfirmForTheSubject() {
        UUID id = Flows.partnerSubmits(Fixtures.partnerA(), Fixtures.newSubject(), RequestType.ACCESS, null);
        confirm(id, "{\"confirmed\":true}").then().statusCode(403);
    }
}

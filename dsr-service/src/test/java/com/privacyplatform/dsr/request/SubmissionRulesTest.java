package com.privacyplatform.dsr.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /requests: who may submit, what a submission must say; bad input never changes state. */
@QuarkusTest
class SubmissionRulesTest {

    static final String CAREFUL = "5b000000-0000-4000-8000-000000000101";
    static final String RETRYING = "5b000000-0000-4000-8000-000000000102";
    static final String REPRESENTED = "5b000000-0000-4000-8000-000000000103";

    private static io.restassured.response.Response submit(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/requests");
    }

    @Test
    @TestSecurity
    void anonymousCallersAre401() {
        submit("{\"type\":\"ACCESS\"}").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void officersCannotSubmitForSubjects() {
        submit("{\"type\":\"ACCESS\",\"subjectId\":\"" + CAREFUL + "\"}").then().statusCode(403)
                .body("type", equalTo("https://privacy-platform.example/problems/forbidden"));
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsCannotSubmit() {
        submit("{\"type\":\"ACCESS\"}").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = CAREFUL, roles = "data-subject")
    void malformedOrInconsistentSubmissionsAre400AndStoreNothing() {
        submit("{\"type\":\"ERASE\"}").then().statusCode(400)
                .body("type", equalTo("https://privacy-platform.example/problems/malformed-request"));
        submit("{}").then().statusCode(400).body("errors.field", hasItem("type"));
        submit("{\"type\":").then().statusCode(400);
        submit("{\"type\":\"ACCESS\",\"jurisdiction\":\"de\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("jurisdiction"));
        submit("{\"type\":\"ACCESS\",\"jurisdiction\":\"XX\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("jurisdiction"));
        submit("{\"type\":\"ACCESS\",\"partnerIds\":[\"not-a-uuid\"]}").then().statusCode(400);
        submit("{\"type\":\"DELETION\",\"corrections\":[{\"field\":\"user.name\",\"value\":\"x\"}]}").then()
                .statusCode(400).body("errors[0].field", equalTo("corrections"));
        submit("{\"type\":\"CORRECTION\"}").then().statusCode(400).body("errors[0].field", equalTo("corrections"));
        submit("{\"type\":\"CORRECTION\",\"corrections\":[{\"field\":\"user.shoe_size\",\"value\":\"42\"}]}").then()
                .statusCode(400).body("errors[0].field", equalTo("corrections[0].field"));
        submit("{\"type\":\"CORRECTION\",\"corrections\":[{\"field\":\"user.name\",\"value\":\"A\"},"
                + "{\"field\":\"user.name\",\"value\":\"B\"}]}").then().statusCode(400)
                .body("errors[0].field", equalTo("corrections[1].field"));
        submit("{\"type\":\"CORRECTION\",\"corrections\":[{\"field\":\"user.name\",\"value\":\" \"}]}").then()
                .statusCode(400).body("errors[0].field", equalTo("corrections[0].value"));
        submit("{\"type\":\"ACCESS\",\"subjectId\":\"" + Fixtures.newSubject() + "\"}").then().statusCode(403);
        given().contentType(ContentType.TEXT).body("ACCESS").post("/requests").then().statusCode(415);
        assertThat(Fixtures.requestsOf(CAREFUL)).isZero();
    }

    @Test
    @TestSecurity(user = RETRYING, roles = "data-subject")
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndADifferentBodyIs422() {
        Fixtures.holding(Fixtures.newPartner(), RETRYING, "user.name");
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "retry-1")
                .body("{\"type\":\"ACCESS\"}").post("/requests").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "retry-1").body("{\"type\":\"ACCESS\"}")
                .post("/requests").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "retry-1").body("{\"type\":\"DELETION\"}")
                .post("/requests").then().statusCode(422)
                .body("type", equalTo("https://privacy-platform.example/problems/idempotency-key-reused"));
        assertThat(Fixtures.requestsOf(RETRYING)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_A))
    void aPartnerSubmitsOnASubjectsBehalfAndNothingStartsUntilTheSubjectConfirms() {
        Fixtures.holding(Fixtures.partnerA(), REPRESENTED, "user.contact.email");
        String id = submit("{\"type\":\"CORRECTION\",\"subjectId\":\"" + REPRESENTED + "\",\"corrections\":"
                + "[{\"field\":\"user.contact.email\",\"value\":\"new.mail@example.com\"}]}")
                .then().statusCode(201).body("status", equalTo("AWAITING_SUBJECT_CONFIRMATION"))
                .body("origin", equalTo("PARTNER")).body("onBehalfOfPartnerId", equalTo(Fixtures.PARTNER_A))
                .body("dueOn", nullValue()).body("receivedAt", nullValue()).body("tasks", hasSize(0))
                .body("corrections[0].value", equalTo("new.mail@example.com"))
                .extract().path("id");
        assertThat(Fixtures.tasksOf(UUID.fromString(id))).isZero();
        // the same submission again is linked to the partner's first, not stored as a second request to confirm
        submit("{\"type\":\"CORRECTION\",\"subjectId\":\"" + REPRESENTED + "\",\"corrections\":"
                + "[{\"field\":\"user.contact.email\",\"value\":\"new.mail@example.com\"}]}")
                .then().statusCode(201).body("status", equalTo("LINKED")).body("linkedRequestId", equalTo(id));
        assertThat(TestDb.count("SELECT count(*) FROM dsr_request WHERE subject_id = ? AND status ="
                + " 'AWAITING_SUBJECT_CONFIRMATION'", REPRESENTED)).isEqualTo(1);
        // a partner may not read the request (a subject's and oversight's view)
        given().get("/requests/" + id).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_A))
    void aPartnerMustNameTheSubjectAndMayAddressOnlyItself() {
        String subject = Fixtures.newSubject();
        submit("{\"type\":\"DELETION\"}").then().statusCode(400).body("errors[0].field", equalTo("subjectId"));
        submit("{\"type\":\"DELETION\",\"subjectId\":\"" + subject + "\",\"partnerIds\":[\"" + Fixtures.PARTNER_B
                + "\"]}").then().statusCode(400).body("errors[0].field", equalTo("partnerIds"));
        assertThat(Fixtures.requestsOf(subject)).isZero();
    }

    @Test
    @TestSecurity(user = "partner-x", roles = "partner")
    void aPartnerTokenWithoutPartnerIdIs403() {
        submit("{\"type\":\"DELETION\",\"subjectId\":\"" + Fixtures.newSubject() + "\"}").then().statusCode(403);
    }
}

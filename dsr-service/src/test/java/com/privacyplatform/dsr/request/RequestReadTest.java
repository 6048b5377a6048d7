package com.privacyplatform.dsr.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who reads which request (3.4.f) and what they see of its personal values (3.2.d). */
@QuarkusTest
class RequestReadTest {

    static final String OWNER = "5b000000-0000-4000-8000-000000000401";
    static final String NEIGHBOUR = "5b000000-0000-4000-8000-000000000402";
    private static UUID correction;
    private static UUID partner;

    @BeforeAll
    static void seed() {
        partner = Fixtures.newPartner();
        Fixtures.holdingUnder("FR", partner, OWNER, "user.contact.email", "user.contact.phone_number", "user.name");
        correction = Flows.subjectSubmits(OWNER, RequestType.CORRECTION, null, List.of(
                new Correction("user.contact.email", "zhang.san@example.com"),
                new Correction("user.contact.phone_number", "+8613812345678"),
                new Correction("user.name", "Zhang San")));
    }

    @Test
    @TestSecurity(user = OWNER, roles = "data-subject")
    @Verifies(value = {"3.2.d", "1.2"}, exercises = {"RequestViewMapper#correctionsFor", "CorrectionMasking#mask", "RequestResource#submit"})
    void theSubjectSeesTheirOwnRequestWithStatusDueDateTasksAndValuesInClear() {
        given().get("/requests/" + correction).then().statusCode(200).header("ETag", notNullValue())
                .body("status", equalTo("OPEN")).body("type", equalTo("CORRECTION"))
                .body("dueOn", notNullValue()).body("dueAt", notNullValue()).body("overdue", equalTo(false))
                .body("policy.id", equalTo("GDPR")).body("policy.law", notNullValue())
                .body("corrections.find { it.field == 'user.contact.email' }.value", equalTo("zhang.san@example.com"))
                .body("corrections.find { it.field == 'user.name' }.value", equalTo("Zhang San"))
                .body("tasks", hasSize(1)).body("tasks[0].partnerId", equalTo(partner.toString()));
        // the values are sealed at rest: the row does not contain them
        Object sealed = TestDb.single("SELECT encode(corrections_sealed, 'escape') FROM dsr_request WHERE id = ?::uuid",
                correction.toString());
        assertThat(sealed.toString()).doesNotContain("zhang.san").doesNotContain("13812345678");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies(value = "3.2.d", exercises = {"RequestViewMapper#correctionsFor", "CorrectionMasking#mask"})
    void officersSeeEveryRequestWithPersonalValuesMasked() {
        JsonPath view = given().get("/requests/" + correction).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("corrections.find { it.field == 'user.contact.email' }.value"))
                .isEqualTo("z***@example.com");
        assertThat(view.getString("corrections.find { it.field == 'user.contact.phone_number' }.value"))
                .isEqualTo("+86 ****5678");
        assertThat(view.getString("corrections.find { it.field == 'user.name' }.value")).isEqualTo("****");
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    @Verifies("3.2.d")
    void auditorsReadEveryRequestMaskedAndItsTimeline() {
        given().get("/requests/" + correction).then().statusCode(200)
                .body("corrections.value", not(hasItem("zhang.san@example.com")));
        given().get("/requests/" + correction + "/timeline").then().statusCode(200)
                .body("kind[0]", equalTo("SUBMITTED")).body("kind", hasItem("TASK_CREATED"))
                .body("at", everyItem(notNullValue()));
    }

    @Test
    @TestSecurity(user = NEIGHBOUR, roles = "data-subject")
    void anotherSubjectsRequestIs404AndTheirListHoldsOnlyTheirOwn() {
        given().get("/requests/" + correction).then().statusCode(404).contentType("application/problem+json");
        given().get("/requests/" + correction + "/timeline").then().statusCode(404);
        given().get("/requests").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("subjectId", OWNER).get("/requests").then().statusCode(400)
                .body("errors[0].field", equalTo("subjectId"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_A))
    void partnersReadTheirTasksNotRequests() {
        given().get("/requests/" + correction).then().statusCode(403);
        given().get("/requests").then().statusCode(403);
        given().get("/requests/" + correction + "/timeline").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersAre401() {
        given().get("/requests").then().statusCode(401);
        given().get("/requests/" + correction).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void oversightListsFilterByEveryFieldAndPageInSubmissionOrder() {
        String subject = Fixtures.newSubject();
        UUID p = Fixtures.newPartner();
        Fixtures.holding(p, subject, "REVOKED", "analytics", List.of("user.name"), null); // obtained, nothing to revoke
        UUID access = Flows.subjectSubmits(subject, RequestType.ACCESS);
        UUID deletion = Flows.subjectSubmits(subject, RequestType.DELETION);
        UUID nothing = Flows.subjectSubmits(subject, RequestType.REVOKE_AUTHORIZATION);

        JsonPath first = given().queryParam("subjectId", subject).queryParam("limit", 2).get("/requests")
                .then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        assertThat(first.getList("items.id")).containsExactly(access.toString(), deletion.toString());
        given().queryParam("subjectId", subject).queryParam("cursor", first.getString("nextCursor")).get("/requests")
                .then().body("items.id", equalTo(List.of(nothing.toString()))).body("nextCursor", equalTo(null));
        given().queryParam("subjectId", subject).queryParam("type", "DELETION").get("/requests").then()
                .body("items.id", equalTo(List.of(deletion.toString())));
        given().queryParam("subjectId", subject).queryParam("status", "COMPLETED").get("/requests").then()
                .body("items.id", equalTo(List.of(nothing.toString())));
        given().queryParam("partnerId", p.toString()).get("/requests").then()
                .body("items.id", equalTo(List.of(access.toString(), deletion.toString())));
        given().queryParam("subjectId", subject).queryParam("origin", "PARTNER").get("/requests").then()
                .body("items", hasSize(0));
        given().queryParam("subjectId", subject).queryParam("overdue", "true").get("/requests").then()
                .body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void badListParametersAre400NamingTheParameter() {
        given().queryParam("status", "DONE").get("/requests").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().queryParam("type", "ERASE").get("/requests").then().statusCode(400);
        given().queryParam("partnerId", "p-1").get("/requests").then().statusCode(400)
                .body("errors[0].field", equalTo("partnerId"));
        given().queryParam("overdue", "yes").get("/requests").then().statusCode(400);
        given().queryParam("limit", 0).get("/requests").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 501).get("/requests").then().statusCode(400);
        given().queryParam("limit", "many").get("/requests").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "bm90IGEgY3Vyc29y").get("/requests").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().get("/requests/not-a-uuid").then().statusCode(404);
        given().get("/requests/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/requests/" + UUID.randomUUID() + "/timeline").then().statusCode(404);
    }
}

package com.privacyplatform.dsr;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import com.privacyplatform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** End to end with real tokens of the demo realm: alice, bob, olivia, aaron, partner-demo-a/-b. */
@QuarkusTest
class KeycloakFlowTest {

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    @Verifies(value = {"3.5.a", "1.2", "3.4.f"}, exercises = {"RequestResource#submit", "RequestWorkflow#submit"})
    void aliceAsksForAccessPartnerDemoAAnswersAndOnlyAliceCanDownloadTheExport() {
        String alice = Tokens.user("alice");
        String demoA = Tokens.partner("partner-demo-a");
        Fixtures.holding(UUID.fromString(Fixtures.DEMO_A), Fixtures.ALICE, "user.contact.email", "user.name");
        String id = as(alice).body("{\"type\":\"ACCESS\",\"partnerIds\":[\"" + Fixtures.DEMO_A + "\"],"
                + "\"jurisdiction\":\"DE\"}").post("/requests").then().statusCode(201)
                .body("subjectId", equalTo(Fixtures.ALICE)).body("tasks", hasSize(1)).extract().path("id");

        String task = as(demoA).queryParam("requestId", id).get("/tasks").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");
        as(demoA).body("{}").post("/tasks/" + task + "/claim").then().statusCode(200);
        as(demoA).body("{\"export\":{\"email\":\"alice@example.com\",\"orders\":3}}")
                .post("/tasks/" + task + "/completion").then().statusCode(200).body("status", equalTo("COMPLETED"));

        as(alice).get("/requests/" + id).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("FULFILLED"));
        as(alice).get("/requests/" + id + "/export").then().statusCode(200)
                .body("parts[0].data.email", equalTo("alice@example.com"));

        as(Tokens.user("bob")).get("/requests/" + id + "/export").then().statusCode(404);
        as(Tokens.user("olivia")).get("/requests/" + id + "/export").then().statusCode(403);
        as(Tokens.user("aaron")).get("/requests/" + id + "/export").then().statusCode(403);
        as(demoA).get("/requests/" + id + "/export").then().statusCode(403);
        as(Tokens.partner("partner-demo-b")).get("/requests/" + id + "/export").then().statusCode(403);
        given().get("/requests/" + id + "/export").then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/requests/" + id + "/export").then().statusCode(401);
    }

    @Test
    void partnerDemoBSubmitsForBobWhoConfirmsAndOnlyThenTheWorkStarts() {
        String bob = Tokens.user("bob");
        String demoB = Tokens.partner("partner-demo-b");
        Fixtures.holding(UUID.fromString(Fixtures.DEMO_B), Fixtures.BOB, "user.name");
        String id = as(demoB).body("{\"type\":\"DELETION\",\"subjectId\":\"" + Fixtures.BOB + "\"}")
                .post("/requests").then().statusCode(201).body("status", equalTo("AWAITING_SUBJECT_CONFIRMATION"))
                .extract().path("id");
        as(demoB).queryParam("requestId", id).get("/tasks").then().body("items", hasSize(0));
        as(bob).body("{\"confirmed\":true}").post("/requests/" + id + "/confirmation").then().statusCode(200)
                .body("status", equalTo("OPEN")).body("tasks", hasSize(1));
        as(demoB).queryParam("requestId", id).get("/tasks").then().body("items", hasSize(1))
                .body("items[0].subjectId", equalTo(Fixtures.BOB));
        as(Tokens.partner("partner-demo-a")).queryParam("requestId", id).get("/tasks").then()
                .body("items", hasSize(0));
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ? AND actor = ?", id,
                "partner:" + Fixtures.DEMO_B)).isEqualTo(1);
    }
}

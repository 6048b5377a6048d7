package com.privacyplatform.dsr.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Duplicate open requests of the same type are linked, never fanned out twice, and complete together. */
@QuarkusTest
class DuplicateTest {

    static final String IMPATIENT = "5b000000-0000-4000-8000-000000000201";
    static final String PRECISE = "5b000000-0000-4000-8000-000000000202";

    private static String submit(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/requests").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    @TestSecurity(user = IMPATIENT, roles = "data-subject")
    void aSecondDeletionWhileTheFirstIsOpenIsLinkedAndCompletesWithIt() {
        UUID partner = Fixtures.newPartner();
        Fixtures.holding(partner, IMPATIENT, "user.name");
        String first = submit("{\"type\":\"DELETION\"}");
        String second = given().contentType(ContentType.JSON).body("{\"type\":\"DELETION\"}").post("/requests")
                .then().statusCode(201).body("status", equalTo("LINKED")).body("linkedRequestId", equalTo(first))
                .body("tasks", hasSize(0)).extract().path("id");
        assertThat(Fixtures.tasksOf(UUID.fromString(first))).isEqualTo(1);
        assertThat(Fixtures.tasksOf(UUID.fromString(second))).isZero();
        given().get("/requests/" + first + "/timeline").then().statusCode(200)
                .body("kind", hasItem("DUPLICATE_RECEIVED"));

        Flows.partnerDeletes(Fixtures.taskOf(UUID.fromString(first), partner, "PARTNER"));
        given().get("/requests/" + first).then().body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("FULFILLED"));
        given().get("/requests/" + second).then().body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("FULFILLED"));
        // once the first is done, asking again is a new request
        given().contentType(ContentType.JSON).body("{\"type\":\"DELETION\"}").post("/requests").then()
                .statusCode(201).body("status", equalTo("OPEN"));
    }

    @Test
    @TestSecurity(user = PRECISE, roles = "data-subject")
    void anotherTypeOtherCorrectionsOrOtherPartnersAreNotDuplicates() {
        UUID a = Fixtures.newPartner();
        Fixtures.holding(a, PRECISE, "user.contact.email");
        Fixtures.holding(Fixtures.newPartner(), PRECISE, "user.contact.email");
        String correction = "{\"type\":\"CORRECTION\",\"corrections\":[{\"field\":\"user.contact.email\","
                + "\"value\":\"%s\"}]}";
        given().contentType(ContentType.JSON).body(correction.formatted("one@example.com")).post("/requests").then()
                .statusCode(201).body("status", equalTo("OPEN"));
        given().contentType(ContentType.JSON).body(correction.formatted("two@example.com")).post("/requests").then()
                .statusCode(201).body("status", equalTo("OPEN"));
        given().contentType(ContentType.JSON).body(correction.formatted("one@example.com")).post("/requests").then()
                .statusCode(201).body("status", equalTo("LINKED"));
        given().contentType(ContentType.JSON).body("{\"type\":\"ACCESS\"}").post("/requests").then()
                .statusCode(201).body("status", equalTo("OPEN"));
        given().contentType(ContentType.JSON).body("{\"type\":\"ACCESS\",\"partnerIds\":[\"" + a + "\"]}")
                .post("/requests").then().statusCode(201).body("status", equalTo("OPEN"));
    }
}

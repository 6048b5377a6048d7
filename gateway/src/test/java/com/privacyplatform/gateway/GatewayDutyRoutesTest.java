package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import com.privacyplatform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 3.4.j, 3.5.d, 5.1: a suspended, closed or terminated partner loses its data routes but keeps its
 * duty routes (PartnerRoutes), a terminated one until dsr-service reports the deletion work of its
 * termination complete. Through real events on the broker and real Keycloak tokens; the registry's
 * routes reach the echo upstream, dsr-service's and breach-service's are unreachable here, so a
 * forwarded duty request there shows as 503 service-unavailable, never as the 403 of a restriction.
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayDutyRoutesTest {

    private static final String A = "2b9ab027-cb68-523d-81ec-293ae3eaf63b";
    private static final String PROBLEMS = "https://privacy-platform.example/problems/";
    private static final String DATA = "/api/partner-directory";
    private static final String OWN_RECORD = "/api/partners/" + A;

    @AfterEach
    void reinstate() throws Exception {
        // the registry never reinstates a terminated partner, but the projection takes the later fact
        publish("partner.reinstated", "{\"partnerId\":\"" + A + "\",\"from\":\"SUSPENDED\",\"to\":\"ACTIVE\","
                + "\"reason\":\"test over\",\"at\":\"" + Instant.now() + "\"}");
        String a = Tokens.partner("partner-demo-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(a).get(DATA).statusCode() == 200);
    }

    @Test
    @Verifies({"3.4.j", "5.1"})
    void aSuspendedPartnerKeepsItsDutyRoutesAndLosesItsDataRoutes() throws Exception {
        String a = Tokens.partner("partner-demo-a");
        publish("partner.suspended", "{\"partnerId\":\"" + A + "\",\"from\":\"ACTIVE\",\"to\":\"SUSPENDED\","
                + "\"reason\":\"audit finding overdue\",\"at\":\"" + Instant.now() + "\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(a).get(DATA).statusCode() == 403);
        given().auth().oauth2(a).get(DATA).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "partner-suspended"));
        given().auth().oauth2(a).contentType(ContentType.JSON).body("{\"subjectId\":\"s\"}")
                .post("/api/consents/check").then().statusCode(403).body("type", equalTo(PROBLEMS + "partner-suspended"));
        given().auth().oauth2(a).contentType(ContentType.JSON).body("{}").post("/api/partners/" + A + "/processors")
                .then().statusCode(403);

        given().auth().oauth2(a).get(OWN_RECORD).then().statusCode(200).body("uri", equalTo("/partners/" + A));
        given().auth().oauth2(a).contentType(ContentType.JSON).body("{}").post(OWN_RECORD + "/self-inspections")
                .then().statusCode(201).body("method", equalTo("POST"));
        given().auth().oauth2(a).contentType(ContentType.JSON).body("{}")
                .post(OWN_RECORD + "/audits/1/findings/2/rectification").then().statusCode(201);
        forwardedToAnUnreachableService(given().auth().oauth2(a).get("/api/tasks"));
        forwardedToAnUnreachableService(given().auth().oauth2(a).contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/" + UUID.randomUUID() + "/completion"));
        forwardedToAnUnreachableService(given().auth().oauth2(a).contentType(ContentType.JSON).body("{}")
                .post("/api/incidents"));
    }

    @Test
    @Verifies({"3.4.j", "5.1"})
    void underATemporaryClosureThePartnerStillReportsOnItsIncident() throws Exception {
        String a = Tokens.partner("partner-demo-a");
        String order = UUID.randomUUID().toString();
        publish("partner.interface-restricted", "{\"orderId\":\"" + order + "\",\"partnerId\":\"" + A
                + "\",\"kind\":\"TEMPORARY_CLOSURE\",\"reason\":\"suspected leak\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(a).get(DATA).statusCode() == 403);
        given().auth().oauth2(a).get(DATA).then().body("type", equalTo(PROBLEMS + "interface-closed"))
                .body("clause", equalTo("3.4.j"));
        forwardedToAnUnreachableService(given().auth().oauth2(a).contentType(ContentType.JSON)
                .body("{\"note\":\"contained\"}").post("/api/incidents/" + UUID.randomUUID() + "/updates"));
        forwardedToAnUnreachableService(given().auth().oauth2(a).get("/api/emergency-orders/" + order));
        given().auth().oauth2(a).get(OWN_RECORD + "/status-history").then().statusCode(200);
        // an operation no rule classifies is judged as a data route: closed
        given().auth().oauth2(a).delete(OWN_RECORD).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "interface-closed"));
        publish("partner.interface-restored", "{\"orderId\":\"" + order + "\",\"partnerId\":\"" + A
                + "\",\"reason\":\"LIFTED\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(a).get(DATA).statusCode() == 200);
        given().auth().oauth2(a).delete(OWN_RECORD).then().statusCode(200); // unrestricted: the service decides
    }

    @Test
    @Verifies("3.5.d")
    void aTerminatedPartnerKeepsItsDutiesUntilTheDeletionWorkOfItsTerminationIsComplete() throws Exception {
        String a = Tokens.partner("partner-demo-a");
        publish("partner.terminated", "{\"partnerId\":\"" + A + "\",\"from\":\"ACTIVE\",\"to\":\"TERMINATED\","
                + "\"reason\":\"contract ended\",\"at\":\"" + Instant.now() + "\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(a).get(DATA).statusCode() == 403);
        given().auth().oauth2(a).get(DATA).then().body("type", equalTo(PROBLEMS + "partner-terminated"));
        given().auth().oauth2(a).get(OWN_RECORD).then().statusCode(200);
        forwardedToAnUnreachableService(given().auth().oauth2(a).contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/" + UUID.randomUUID() + "/claim"));

        Instant completed = Instant.parse("2026-12-07T10:00:00Z");
        publish("dsr.termination-deletion-completed", "{\"partnerId\":\"" + A + "\",\"requests\":3,"
                + "\"tasksCompleted\":4,\"tasksRejected\":0,\"tasksExempt\":1,\"completedAt\":\"" + completed + "\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(a).get(OWN_RECORD).statusCode() == 403);
        given().auth().oauth2(a).get(OWN_RECORD).then().contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "partner-terminated")).body("clause", equalTo("3.5.d"));
        given().auth().oauth2(a).contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/" + UUID.randomUUID() + "/completion").then().statusCode(403);
        given().auth().oauth2(a).get(DATA).then().statusCode(403);
        assertThat(TestDb.single("SELECT discharged_at FROM gateway_partner_discharge WHERE partner_id = ?::uuid", A))
                .isNotNull();
        given().auth().oauth2(Tokens.user("olivia")).get("/api/gateway/restrictions").then().statusCode(200)
                .body("dischargedPartners.partnerId", hasItem(A));
        // other partners are not concerned
        given().auth().oauth2(Tokens.partner("partner-demo-b")).get("/api/partners/e323d24b-b3af-54e4-9942-b04f7ce699c8")
                .then().statusCode(200);
    }

    private static void forwardedToAnUnreachableService(Response response) {
        response.then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "service-unavailable"));
    }

    private static void publish(String type, String data) throws Exception {
        try (TestBroker broker = new TestBroker()) {
            broker.publish(type, CloudEventCodec.encode(UUID.randomUUID(), type, "/test", A,
                    OffsetDateTime.now(ZoneOffset.UTC), data));
        }
    }
}

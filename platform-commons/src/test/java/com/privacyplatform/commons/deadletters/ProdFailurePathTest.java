package com.privacyplatform.commons.deadletters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.commons.testapp.WidgetConsumer;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import com.privacyplatform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The production failure path (issue 18.4), with the production queue arguments on a private
 * virtual host ({@link ProdQueuesProfile}): a message its handler cannot apply is retried with
 * back-off, dead-lettered after the delivery limit, shown masked, replayed with the dead-letter tool
 * once the handler is fixed, and applied exactly once; one that is never fixed is discarded with a
 * reason in the audit trail. Officer-only, like every endpoint of the tool.
 */
@QuarkusTest
@TestProfile(ProdQueuesProfile.class)
class ProdFailurePathTest {

    private static final String QUEUE = ProdQueuesProfile.QUEUE;

    @AfterEach
    void fixed() {
        WidgetConsumer.FIXABLE_BUG.set(false);
    }

    @Test
    void aFailingMessageBacksOffIsDeadLetteredAfterTheLimitAndIsAppliedOnceWhenReplayedAfterTheFix() throws Exception {
        String subject = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        byte[] event = event(id, subject, "fixable", "{}");
        WidgetConsumer.FIXABLE_BUG.set(true);
        try (TestBroker broker = new TestBroker(ProdQueuesProfile.VHOST)) {
            broker.publish("widget.touched", event);
            await().atMost(Duration.ofSeconds(60)).until(() -> broker.messageCount(ProdQueuesProfile.DLQ) >= 1);

            // x-delivery-limit 3: the first delivery and three redeliveries, each after a longer pause
            List<Instant> attempts = WidgetConsumer.FIXABLE_ATTEMPTS.get(subject);
            assertThat(attempts).hasSize(4);
            long first = Duration.between(attempts.get(0), attempts.get(1)).toMillis();
            long second = Duration.between(attempts.get(1), attempts.get(2)).toMillis();
            long third = Duration.between(attempts.get(2), attempts.get(3)).toMillis();
            assertThat(first).isGreaterThanOrEqualTo(300);
            assertThat(second).isGreaterThanOrEqualTo(600);
            assertThat(third).isGreaterThanOrEqualTo(1200).isGreaterThan(first);
            assertThat(TestDb.count("SELECT count(*) FROM test_effect WHERE subject = ?", subject)).isZero();

            String officer = Tokens.user("olivia");
            given().auth().oauth2(officer).get("/dead-letters").then().statusCode(200)
                    .body("items.find { it.queue == '" + QUEUE + "' }.deadLetterQueue", equalTo(ProdQueuesProfile.DLQ))
                    .body("items.find { it.queue == '" + QUEUE + "' }.messages", equalTo(1))
                    .body("items.find { it.queue == '" + QUEUE + "' }.first.messageId", equalTo(id.toString()))
                    .body("items.find { it.queue == '" + QUEUE + "' }.first.lastDeath.reason", equalTo("delivery_limit"))
                    .body("items.find { it.queue == '" + QUEUE + "' }.first.lastDeath.queue", equalTo(QUEUE));
            given().auth().oauth2(officer).get("/dead-letters/" + QUEUE + "/messages").then().statusCode(200)
                    .body("items.messageId", hasItem(id.toString()));

            // the fix is deployed; the operator replays the message to its own queue only
            WidgetConsumer.FIXABLE_BUG.set(false);
            given().auth().oauth2(officer).post("/dead-letters/" + QUEUE + "/messages/" + id + "/replay").then()
                    .statusCode(200).body("replayedTo", equalTo(QUEUE));
            await().atMost(Duration.ofSeconds(20)).until(() -> TestDb.count(
                    "SELECT count(*) FROM test_effect WHERE subject = ?", subject) == 1);
            assertThat(broker.messageCount(ProdQueuesProfile.DLQ)).isZero();
            assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'dead-letter.replayed'"
                    + " AND target_type = 'dead-letter' AND target_id = ?", id.toString())).isEqualTo(1);

            // a second replay finds nothing; a late duplicate of the event is not applied again
            given().auth().oauth2(officer).post("/dead-letters/" + QUEUE + "/messages/" + id + "/replay").then()
                    .statusCode(404).contentType("application/problem+json");
            broker.publish("widget.touched", event);
            String sentinel = UUID.randomUUID().toString();
            broker.publish("widget.touched", event(UUID.randomUUID(), sentinel, "sentinel", "{}"));
            await().atMost(Duration.ofSeconds(20)).until(() -> TestDb.count(
                    "SELECT count(*) FROM test_effect WHERE subject = ?", sentinel) == 1);
        }
        assertThat(TestDb.single("SELECT applications FROM test_effect WHERE subject = ?", subject)).isEqualTo(1);
    }

    @Test
    @Verifies(value = "3.2.d", exercises = "DeadLetterMasking#masked")
    void aMessageThatIsNeverFixedIsShownMaskedAndDiscardedWithItsReasonInTheAuditTrail() throws Exception {
        String subject = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        try (TestBroker broker = new TestBroker(ProdQueuesProfile.VHOST)) {
            broker.publish("widget.touched", event(id, subject, "poison",
                    "{\"contact\":\"jane.doe@example.com\",\"phone\":\"+44 20 7946 0958\"}"));
            String officer = Tokens.user("olivia");
            String path = "/dead-letters/" + QUEUE + "/messages/" + id;
            await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(officer).get(path)
                    .statusCode() == 200);

            given().auth().oauth2(officer).get(path).then().statusCode(200)
                    .body("messageId", equalTo(id.toString()))
                    .body("eventType", equalTo("widget.touched"))
                    .body("readable", equalTo(true))
                    .body("event.id", equalTo(id.toString()))
                    .body("event.subject", equalTo(subject))
                    .body("event.data.widgetId", equalTo(subject))
                    .body("event.data.n", equalTo(7))
                    .body("event.data.name", equalTo("****"))
                    .body("event.data.extra.contact", equalTo("****"))
                    .body("event.data.extra.phone", equalTo("****"))
                    .body("deaths[0].reason", equalTo("delivery_limit"))
                    .body("deaths[0].queue", equalTo(QUEUE));
            // showing it left it where it was
            assertThat(broker.messageCount(ProdQueuesProfile.DLQ)).isGreaterThanOrEqualTo(1);

            given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                    .post(path + "/discard").then().statusCode(400).contentType("application/problem+json");
            given().auth().oauth2(officer).contentType(ContentType.JSON)
                    .body("{\"reason\":\"malformed test widget, never valid\"}")
                    .post(path + "/discard").then().statusCode(200).body("messageId", equalTo(id.toString()));
            given().auth().oauth2(officer).get(path).then().statusCode(404);
        }
        assertThat(TestDb.single("SELECT details FROM platform_audit_record WHERE action = 'dead-letter.discarded'"
                + " AND target_id = ?", id.toString()).toString()).contains("malformed test widget, never valid");
        assertThat(TestDb.count("SELECT count(*) FROM test_effect WHERE subject = ?", subject)).isZero();
    }

    @Test
    void onlyOfficersUseTheDeadLetterTool() {
        String path = "/dead-letters/" + QUEUE + "/messages/" + UUID.randomUUID();
        given().get("/dead-letters").then().statusCode(401);
        given().post(path + "/replay").then().statusCode(401);
        for (String token : List.of(Tokens.user("aaron"), Tokens.user("alice"), Tokens.partner("partner-demo-a"))) {
            given().auth().oauth2(token).get("/dead-letters").then().statusCode(403);
            given().auth().oauth2(token).get(path).then().statusCode(403);
            given().auth().oauth2(token).post(path + "/replay").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                    .post(path + "/discard").then().statusCode(403);
        }
    }

    @Test
    void unknownQueuesMessagesAndBadInputAreProblems() {
        String officer = Tokens.user("olivia");
        given().auth().oauth2(officer).get("/dead-letters/another-service.queue/messages").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(officer).post("/dead-letters/" + QUEUE + "/messages/" + UUID.randomUUID() + "/replay")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(officer).get("/dead-letters/" + QUEUE + "/messages?limit=0").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{not json")
                .post("/dead-letters/" + QUEUE + "/messages/" + UUID.randomUUID() + "/discard").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static byte[] event(UUID id, String subject, String name, String extra) {
        String data = "{\"widgetId\":\"" + subject + "\",\"partnerId\":\"" + UUID.randomUUID()
                + "\",\"name\":\"" + name + "\",\"n\":7,\"extra\":" + extra + "}";
        return CloudEventCodec.encode(id, "widget.touched", "/commons-test", subject,
                OffsetDateTime.now(ZoneOffset.UTC), data);
    }
}

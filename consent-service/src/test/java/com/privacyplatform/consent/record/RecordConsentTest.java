package com.privacyplatform.consent.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.consent.support.Events;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recording: one decision per purpose (1.2), superseding, idempotent retries, events after commit. */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
class RecordConsentTest {

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
    }

    @Test
    @Verifies(value = {"1.1", "1.2", "3.2.d"}, exercises = {"ConsentResource#record", "RecordService#record"})
    void eachPurposeIsDecidedAndStoredOnItsOwnAndPublishedAfterCommit() {
        String subject = Fixtures.subject();
        String body = Fixtures.body(subject)
                .recipient("Zhang San", "CN", "PERSON", "zhang.san@example.com")
                .purpose("payment_processing", true, "user.name", "user.financial.bank_account")
                .purpose("marketing.communications", false, "user.contact.email")
                .json();
        try (Events events = new Events("consent.*")) {
            JsonPath created = given().contentType(ContentType.JSON).body(body).post("/consents")
                    .then().statusCode(201)
                    .header("Location", containsString("/consents/"))
                    .body("items", hasSize(2))
                    .body("items[0].consent.purpose", equalTo("payment_processing"))
                    .body("items[0].consent.state", equalTo("GRANTED"))
                    .body("items[0].consent.sensitive", equalTo(true))
                    .body("items[0].consent.partnerId", equalTo(Fixtures.A))
                    .body("items[0].consent.language", equalTo("zh-CN"))
                    .body("items[0].receipt", notNullValue())
                    .body("items[1].consent.purpose", equalTo("marketing.communications"))
                    .body("items[1].consent.state", equalTo("REFUSED"))
                    .body("items[1].consent.decision", equalTo("REFUSED"))
                    .extract().jsonPath();
            assertThat(created.getString("items[0].consent.id")).isNotEqualTo(created.getString("items[1].consent.id"));

            List<JsonNode> received = events.forDataSubject(subject, 2, Duration.ofSeconds(10));
            assertThat(received).extracting(e -> e.get("type").asText())
                    .containsExactly("consent.granted", "consent.refused");
            JsonNode granted = received.get(0);
            assertThat(granted.get("source").asText()).isEqualTo("/consent-service");
            assertThat(granted.get("subject").asText()).isEqualTo(created.getString("items[0].consent.id"));
            assertThat(granted.get("data").get("categories")).hasSize(2);
            assertThat(granted.get("data").get("partnerId").asText()).isEqualTo(Fixtures.A);
            // events carry no personal values: a person's name masked, no contact (3.2.d)
            assertThat(granted.get("data").get("recipients").get(0).get("name").asText()).isEqualTo("****");
            assertThat(granted.get("data").get("recipients").get(0).get("country").asText()).isEqualTo("CN");
            assertThat(granted.toString()).doesNotContain("Zhang").doesNotContain("zhang.san");
        }
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isEqualTo(2);
        assertThat(TestDb.count("SELECT count(*) FROM consent_history h JOIN consent c ON c.id = h.consent_id"
                + " WHERE c.subject_id = ? AND h.cause = 'RECORDED'", subject)).isEqualTo(2);
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record a JOIN consent c ON a.target_id = c.id::text"
                + " WHERE c.subject_id = ? AND a.action = 'consent.recorded'", subject)).isEqualTo(2);
    }

    @Test
    void aNewDecisionSupersedesTheLiveOneAndBothStayInTheRecord() {
        String subject = Fixtures.subject();
        String first = given().contentType(ContentType.JSON)
                .body(Fixtures.body(subject).purpose("analytics", false, "user.device.identifier").json())
                .post("/consents").then().statusCode(201).extract().path("items[0].consent.id");
        String second = given().contentType(ContentType.JSON)
                .body(Fixtures.body(subject).purpose("analytics", true, "user.device.identifier").json())
                .post("/consents").then().statusCode(201).extract().path("items[0].consent.id");

        given().get("/consents/" + first).then().statusCode(200).body("state", equalTo("SUPERSEDED"));
        given().get("/consents/" + first + "/history").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].state", equalTo("REFUSED")).body("[0].cause", equalTo("RECORDED"))
                .body("[1].state", equalTo("SUPERSEDED")).body("[1].supersededBy", equalTo(second));
        given().get("/consents/" + second).then().statusCode(200).body("state", equalTo("GRANTED"));
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ? AND state IN ('GRANTED', 'REFUSED')",
                subject)).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
        String subject = Fixtures.subject();
        String body = Fixtures.body(subject).purpose("analytics", true, "user.behavior.browsing").json();
        String key = "retry-" + subject;
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/consents")
                .then().statusCode(201).extract().path("items[0].consent.id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/consents")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("items[0].consent.id", equalTo(id));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Fixtures.body(subject).purpose("analytics", false, "user.behavior.browsing").json())
                .post("/consents").then().statusCode(422)
                .body("type", equalTo("https://privacy-platform.example/problems/idempotency-key-reused"));
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isEqualTo(1);
    }
}

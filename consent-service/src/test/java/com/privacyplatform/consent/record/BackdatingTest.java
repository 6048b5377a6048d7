package com.privacyplatform.consent.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.consent.support.Registry;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.1: a revocation, refusal or expiry cannot be undone by backdating. A later decision is a
 * new collection after it (409 problem+json naming the clause otherwise, nothing recorded), and a
 * partner records what it collected within the window (422 for older collections).
 */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
class BackdatingTest {

    /** Terminated (its consents revoked), then active again under the same partner id. */
    static final String REBORN = "c0a5e000-0000-4000-8000-0000000002a1";
    private static final String PREDATES = "https://privacy-platform.example/problems/decision-predates-revocation";

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
    }

    @Test
    @Verifies(value = {"3.5.a", "1.2"}, exercises = "CollectionTiming#requireAfterLastEnds")
    void aRevokedConsentCannotBeRecordedAgainWithAnEarlierCollection() {
        String subject = Fixtures.subject();
        String granted = record(Fixtures.body(subject).purpose("marketing.communications", true, "user.contact.email"))
                .statusCode(201).extract().path("items[0].consent.id");
        given().contentType(ContentType.JSON).body("{\"reason\":\"asked by phone\"}")
                .post("/consents/" + granted + "/revocation").then().statusCode(200);
        check(subject, "marketing.communications", "user.contact.email", "CONSENT_REVOKED");

        // the partner records a new GRANTED decision dated one day in the past
        record(Fixtures.body(subject).with("collectedAt", Instant.now().minus(1, ChronoUnit.DAYS).toString())
                .purpose("marketing.communications", true, "user.contact.email"))
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PREDATES)).body("clause", equalTo("3.5.a")).body("instance", equalTo("/consents"))
                .body("errors.field", containsInAnyOrder("collectedAt"))
                .body("errors[0].message", containsString("revocation"))
                .body("errors[0].message", containsString(granted));
        check(subject, "marketing.communications", "user.contact.email", "CONSENT_REVOKED");
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isEqualTo(1);
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE payload->>'subjectId' = ?"
                + " AND type = 'consent.granted'", subject)).isEqualTo(1);
    }

    @Test
    @Verifies({"3.5.a", "1.2"})
    void aFreshConsentAfterARevocationIsANewCollectionAndANewDecision() {
        String subject = Fixtures.subject();
        String first = record(Fixtures.body(subject).purpose("analytics", true, "user.device.identifier"))
                .statusCode(201).extract().path("items[0].consent.id");
        given().contentType(ContentType.JSON).post("/consents/" + first + "/revocation").then().statusCode(200);
        String fresh = record(Fixtures.body(subject).with("collectedAt", Instant.now().toString())
                .purpose("analytics", true, "user.device.identifier"))
                .statusCode(201).extract().path("items[0].consent.id");

        assertThat(fresh).isNotEqualTo(first);
        check(subject, "analytics", "user.device.identifier", "CONSENT_GRANTED");
        given().queryParam("subjectId", subject).queryParam("purpose", "analytics").get("/consents").then()
                .statusCode(200).body("items.id", containsInAnyOrder(first, fresh))
                .body("items.state", containsInAnyOrder("REVOKED", "GRANTED"));
        // the revoked decision stays revoked; the new one has its own history
        given().get("/consents/" + first + "/history").then().body("", hasSize(2)).body("[1].state", equalTo("REVOKED"));
        given().get("/consents/" + fresh + "/history").then().body("", hasSize(1))
                .body("[0].state", equalTo("GRANTED")).body("[0].cause", equalTo("RECORDED"));
    }

    @Test
    @Verifies(value = "1.2", exercises = "CollectionTiming#requireAfterLastEnds")
    void aRefusalIsFollowedOnlyByACollectionStrictlyAfterIt() {
        String subject = Fixtures.subject();
        Instant refusedAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String refusal = record(Fixtures.body(subject).with("collectedAt", refusedAt.toString())
                .purpose("payment_processing", false, "user.name")).statusCode(201)
                .extract().path("items[0].consent.id");
        for (Instant backdated : new Instant[] {refusedAt.minusSeconds(60), refusedAt}) {
            record(Fixtures.body(subject).with("collectedAt", backdated.toString())
                    .purpose("payment_processing", true, "user.name"))
                    .statusCode(409).body("type", equalTo(PREDATES)).body("clause", equalTo("1.2"))
                    .body("errors[0].message", containsString("refusal"));
        }
        given().get("/consents/" + refusal).then().body("state", equalTo("REFUSED"));
        record(Fixtures.body(subject).with("collectedAt", refusedAt.plusSeconds(1).toString())
                .purpose("payment_processing", true, "user.name")).statusCode(201);
        given().get("/consents/" + refusal).then().body("state", equalTo("SUPERSEDED"));
    }

    @Test
    @Verifies(value = "3.2.b", exercises = "CollectionTiming#requireAfterLastEnds")
    void anExpiredConsentIsRenewedOnlyByACollectionAfterItsExpiryEvenBeforeTheScan() {
        String subject = Fixtures.subject();
        Instant collected = Instant.now().minusSeconds(30);
        Instant expires = Instant.now().plusMillis(1500);
        record(Fixtures.body(subject).with("collectedAt", collected.toString()).with("expiresAt", expires.toString())
                .purpose("analytics", true, "user.device.identifier")).statusCode(201);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                check(subject, "analytics", "user.device.identifier", "CONSENT_EXPIRED"));

        record(Fixtures.body(subject).with("collectedAt", expires.minusMillis(500).toString())
                .purpose("analytics", true, "user.device.identifier"))
                .statusCode(409).body("type", equalTo(PREDATES)).body("clause", equalTo("3.2.b"))
                .body("errors[0].message", containsString("expiry"));
        record(Fixtures.body(subject).with("collectedAt", Instant.now().toString())
                .purpose("analytics", true, "user.device.identifier")).statusCode(201);
        check(subject, "analytics", "user.device.identifier", "CONSENT_GRANTED");
    }

    @Test
    @Verifies("3.5.a")
    void aRevocationByADataSubjectRequestCountsAndTheWholeRequestIsRefused() {
        String subject = Fixtures.subject();
        Fixtures.consent(Fixtures.A, subject, "marketing.communications", "GRANTED", null, "user.contact.email");
        UUID requestId = UUID.randomUUID();
        Registry.publishFrom("/dsr-service", "dsr.revocation-requested", requestId.toString(), "{\"requestId\":\""
                + requestId + "\",\"subjectId\":\"" + subject + "\",\"partnerIds\":[],\"reason\":\"REVOKE_AUTHORIZATION\"}");
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ? AND state = 'REVOKED'", subject))
                .isEqualTo(1);

        // one purpose is new, the other predates the revocation: nothing of the request is recorded
        record(Fixtures.body(subject).with("collectedAt", Instant.now().minus(2, ChronoUnit.HOURS).toString())
                .purpose("analytics", true, "user.device.identifier")
                .purpose("marketing.communications", true, "user.contact.email"))
                .statusCode(409).body("clause", equalTo("3.5.a")).body("errors", hasSize(1))
                .body("errors[0].message", containsString("purposes[1] (marketing.communications)"));
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "partner-reborn", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = REBORN))
    @Verifies({"3.5.a", "3.5.d"})
    void aRevocationByThePartnersTerminationCountsToo() {
        String subject = Fixtures.subject();
        Registry.activate(REBORN, 1, false, Fixtures.SCOPE_B);
        String consent = Fixtures.consent(REBORN, subject, "payment_processing", "GRANTED", null, "user.name");
        Registry.status("partner.terminated", REBORN, "ACTIVE", "TERMINATED", "contract ended", Instant.now());
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", consent)).isEqualTo("REVOKED");
        // the same partner id active again (a newer fact): its old consents stay revoked for the past
        Registry.activate(REBORN, 2, false, Fixtures.SCOPE_B);

        record(Fixtures.body(subject).with("collectedAt", Instant.now().minus(1, ChronoUnit.DAYS).toString())
                .purpose("payment_processing", true, "user.name"))
                .statusCode(409).body("type", equalTo(PREDATES)).body("clause", equalTo("3.5.a"));
        record(Fixtures.body(subject).with("collectedAt", Instant.now().toString())
                .purpose("payment_processing", true, "user.name")).statusCode(201);
    }

    @Test
    @Verifies(value = "1.2", exercises = "CollectionTiming#requireRecent")
    void aCollectionOlderThanTheWindowIsRefusedAndOneInsideItIsRecorded() {
        String subject = Fixtures.subject();
        record(Fixtures.body(subject).with("collectedAt", Instant.now().minus(31, ChronoUnit.DAYS).toString())
                .purpose("analytics", true, "user.device.identifier"))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://privacy-platform.example/problems/collected-too-long-ago"))
                .body("clause", equalTo("1.2")).body("errors.field", containsInAnyOrder("collectedAt"))
                .body("detail", containsString("30 days"));
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE payload->>'subjectId' = ?", subject)).isZero();

        record(Fixtures.body(subject).with("collectedAt", Instant.now().minus(29, ChronoUnit.DAYS).toString())
                .purpose("analytics", true, "user.device.identifier")).statusCode(201);
    }

    @Test
    void aFirstDecisionHasNothingToPredateAndOtherSubjectsDecisionsDoNotCount() {
        String subject = Fixtures.subject();
        Fixtures.consent(Fixtures.A, Fixtures.subject(), "analytics", "REVOKED", null, "user.device.identifier");
        Fixtures.consent(Fixtures.B, subject, "analytics", "REVOKED", null, "user.device.identifier");
        record(Fixtures.body(subject).with("collectedAt", Instant.now().minus(2, ChronoUnit.DAYS).toString())
                .purpose("analytics", true, "user.device.identifier")).statusCode(201)
                .body("items[0].consent.state", equalTo("GRANTED"));
    }

    private static ValidatableResponse record(Fixtures.Body body) {
        return given().contentType(ContentType.JSON).body(body.json()).post("/consents").then();
    }

    private static void check(String subject, String purpose, String category, String reason) {
        given().contentType(ContentType.JSON).body("{\"subjectId\":\"" + subject + "\",\"purpose\":\"" + purpose
                        + "\",\"category\":\"" + category + "\"}")
                .post("/consents/check").then().statusCode(200).body("reason", equalTo(reason));
    }
}

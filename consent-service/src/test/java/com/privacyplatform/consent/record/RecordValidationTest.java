package com.privacyplatform.consent.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input to POST /consents: 400 problem+json naming the fields; nothing stored. Roles. */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
class RecordValidationTest {

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
    }

    @Test
    @Verifies("1.1")
    void missingFieldsAreNamed() {
        String subject = Fixtures.subject();
        invalid("{\"subjectId\":\"" + subject + "\",\"purposes\":[{\"purpose\":\"analytics\",\"categories\":[]}]}")
                .body("errors.field", hasItems("jurisdiction", "language", "channel", "collectedAt", "notice",
                        "legalBasis", "method", "purposes[0].categories", "purposes[0].granted"));
        invalid(Fixtures.body(subject).json()).body("errors.field", hasItem("purposes"));
        nothingStoredFor(subject);
    }

    @Test
    void codesAndTagsMustBeWellFormed() {
        String subject = Fixtures.subject();
        invalid(Fixtures.body(subject).with("jurisdiction", "XX").with("language", "not a tag!")
                .recipient("Acme", "QQ", "ORGANIZATION", null).purpose("analytics", true, "user.device.identifier").json())
                .body("errors.field", hasItems("jurisdiction", "language", "recipients[0].country"));
        invalid(Fixtures.body(subject).with("notice", Map.of("version", "1", "textHash", "abc"))
                .purpose("analytics", true, "user.device.identifier").json())
                .body("errors.field", hasItem("notice.textHash"));
        invalid(Fixtures.body(subject).recipient("Acme", "SG", "ORGANIZATION", "not-an-email")
                .purpose("analytics", true, "user.device.identifier").json())
                .body("errors.field", hasItem("recipients[0].contactEmail"));
        nothingStoredFor(subject);
    }

    @Test
    void timesMustBeCoherent() {
        String subject = Fixtures.subject();
        invalid(Fixtures.body(subject).with("collectedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString())
                .purpose("analytics", true, "user.device.identifier").json())
                .body("errors.field", hasItem("collectedAt"));
        invalid(Fixtures.body(subject).with("expiresAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())
                .purpose("analytics", true, "user.device.identifier").json())
                .body("errors.field", hasItem("expiresAt"));
        nothingStoredFor(subject);
    }

    @Test
    void termsOutsideTheVocabularyAreNamed() {
        String subject = Fixtures.subject();
        invalid(Fixtures.body(subject).with("legalBasis", "BECAUSE").with("method", "TELEPATHY")
                .purpose("mind_reading", true, "user.name").purpose("analytics", true, "user.soul").json())
                .body("errors.field", hasItems("legalBasis", "method", "purposes[0].purpose",
                        "purposes[1].categories[0]"));
        nothingStoredFor(subject);
    }

    @Test
    @Verifies("1.2")
    void aPurposeIsDecidedOnceInOneRequest() {
        String subject = Fixtures.subject();
        invalid(Fixtures.body(subject).purpose("analytics", true, "user.device.identifier")
                .purpose("analytics", false, "user.device.identifier").json())
                .body("errors.field", hasItem("purposes[1].purpose"));
        nothingStoredFor(subject);
    }

    @Test
    @Verifies(value = "3.1.a", exercises = "RecordValidation#requirePseudonym")
    void subjectIdsMustBePseudonymousNotPersonalValues() {
        for (String personal : new String[] {"13812345678", "+86 138 1234 5678", "li.wei@example.com",
                "110101199003071234"}) {
            invalid(Fixtures.body(personal).purpose("analytics", true, "user.device.identifier").json())
                    .body("errors.field", hasItem("subjectId"));
        }
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id IN ('13812345678',"
                + " 'li.wei@example.com', '110101199003071234')")).isZero();
    }

    @Test
    void malformedBodiesAre400NotServerErrors() {
        given().contentType(ContentType.JSON).body("{not json").post("/consents").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy-platform.example/problems/malformed-request"));
        given().contentType(ContentType.JSON).body(Fixtures.body(Fixtures.subject()).with("channel", "CARRIER_PIGEON")
                        .purpose("analytics", true, "user.device.identifier").json())
                .post("/consents").then().statusCode(400).body("errors.field", hasItem("channel"));
        given().contentType(ContentType.JSON).body(Fixtures.body(Fixtures.subject()).with("collectedAt", "yesterday")
                        .purpose("analytics", true, "user.device.identifier").json())
                .post("/consents").then().statusCode(400).body("errors.field", hasItem("collectedAt"));
        given().contentType(ContentType.TEXT).body("hello").post("/consents").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void dataSubjectsDoNotRecord() {
        recordAsCurrentCaller().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void officersDoNotRecord() {
        recordAsCurrentCaller().statusCode(403);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsDoNotRecord() {
        recordAsCurrentCaller().statusCode(403);
    }

    @Test
    @TestSecurity(user = "partner-x", roles = "partner")
    void aPartnerTokenWithoutPartnerIdIsForbidden() {
        recordAsCurrentCaller().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersAreUnauthenticated() {
        recordAsCurrentCaller().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"privacy\"");
    }

    private static ValidatableResponse recordAsCurrentCaller() {
        String subject = Fixtures.subject();
        ValidatableResponse response = given().contentType(ContentType.JSON)
                .body(Fixtures.body(subject).purpose("analytics", true, "user.device.identifier").json())
                .post("/consents").then();
        nothingStoredFor(subject);
        return response;
    }

    private static ValidatableResponse invalid(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/consents").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy-platform.example/problems/validation"));
    }

    private static void nothingStoredFor(String subject) {
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isZero();
    }
}

package com.privacyplatform.dsr.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Publish;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 3.5.d: a partner records the bases on which it keeps data after termination: the subject's express
 * consent to that retention (the consent named and found), or a legal obligation (law and period named).
 */
@QuarkusTest
class RetentionBasisTest {

    static final String KEEPER = "d5a00000-0000-4000-8000-0000000000c1";
    static final String CLOSED = "d5a00000-0000-4000-8000-0000000000c2";
    static final String PATH = "/partners/" + KEEPER + "/retention-bases";
    static final String PROBLEMS = "https://privacy-platform.example/problems/";

    private static io.restassured.response.Response record(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path);
    }

    private static long bases(String partner) {
        return TestDb.count("SELECT count(*) FROM retention_basis WHERE partner_id = ?::uuid", partner);
    }

    static String law(String target) {
        return "{" + target + ",\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"court order to preserve records\","
                + "\"law\":\"AML act s. 8\",\"retentionPeriod\":\"P5Y\"}";
    }

    static String consent(String subject, Object consentId) {
        return "{\"subjectId\":\"" + subject + "\",\"legalBasis\":\"EXPRESS_CONSENT\",\"explanation\":\"the customer"
                + " asked us to keep their receipts\",\"consentId\":\"" + consentId + "\"}";
    }

    @Test
    @TestSecurity(user = "keeper", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = KEEPER))
    @Verifies(value = "3.5.d", exercises = {"RetentionBasisResource#record", "RetentionBasisService#record"})
    void aLegalObligationNamesTheLawAndThePeriodAndWaitsForTheOfficer() {
        String subject = Fixtures.newSubject();
        String location = record(PATH, law("\"subjectId\":\"" + subject + "\"")).then().statusCode(201)
                .header("Location", containsString(PATH + "/")).header("ETag", notNullValue())
                .body("subjectId", equalTo(subject)).body("category", equalTo(null))
                .body("law", equalTo("AML act s. 8")).body("retentionPeriod", equalTo("P5Y"))
                .body("status", equalTo("PENDING_REVIEW"))
                .body("recordedBy", equalTo("partner:" + KEEPER)).extract().header("Location");
        given().get(java.net.URI.create(location).getPath()).then().statusCode(200)
                .body("subjectId", equalTo(subject)).body("legalBasis", equalTo("LEGAL_OBLIGATION"));
        record(PATH, law("\"category\":\"user.financial.transaction\"")).then().statusCode(201);
        String next = given().queryParam("limit", 1).get(PATH).then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().queryParam("limit", 1).queryParam("cursor", next).get(PATH).then().statusCode(200);
        given().queryParam("status", "APPROVED").get(PATH).then().statusCode(200).body("items", hasSize(0));
        given().queryParam("status", "MAYBE").get(PATH).then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "keeper", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = KEEPER))
    @Verifies("3.5.d")
    void anExpressConsentBasisNamesTheSubjectsConsentToRetentionAndIsCheckedAgainstTheHoldings() {
        UUID keeper = UUID.fromString(KEEPER);
        String subject = Fixtures.newSubject();
        UUID given = Fixtures.retentionConsent(keeper, subject, "ACTIVE", "CHECKBOX", "now()", "user.name",
                "user.financial.transaction");
        record(PATH, consent(subject, given)).then().statusCode(201).body("status", equalTo("CONSENT_VERIFIED"))
                .body("consentId", equalTo(given.toString())).body("law", equalTo(null));

        long before = bases(KEEPER);
        UUID implied = Fixtures.retentionConsent(keeper, subject, "ACTIVE", "IMPLIED", "now()", "user.name");
        UUID revoked = Fixtures.retentionConsent(keeper, subject, "REVOKED", "CHECKBOX", "now()", "user.name");
        UUID otherPurpose = Fixtures.holding(keeper, subject, "user.name");
        UUID ofAnother = Fixtures.retentionConsent(keeper, Fixtures.newSubject(), "ACTIVE", "CHECKBOX", "now()",
                "user.name");
        for (Object id : List.of(implied, revoked, otherPurpose, ofAnother, UUID.randomUUID())) {
            record(PATH, consent(subject, id)).then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "retention-consent-missing")).body("clause", equalTo("3.5.d"))
                    .body("errors[0].field", equalTo("consentId"));
        }
        record(PATH, "{\"subjectId\":\"" + subject + "\",\"category\":\"user.contact.email\",\"legalBasis\":"
                + "\"EXPRESS_CONSENT\",\"explanation\":\"x\",\"consentId\":\"" + given + "\"}").then().statusCode(422)
                .body("errors[0].message", containsString("does not cover"));
        assertThat(bases(KEEPER)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "keeper", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = KEEPER))
    @Verifies("3.5.d")
    void theProjectionKeepsTheMethodAndTimeOfARetentionConsentFromConsentGranted() {
        String subject = Fixtures.newSubject();
        UUID consentId = UUID.randomUUID();
        Publish.retentionConsentGranted(consentId, UUID.fromString(KEEPER), subject, "SIGNATURE",
                "2026-10-01T08:00:00Z", List.of("user.name"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TestDb.single(
                "SELECT method FROM consent_holding WHERE consent_id = ?::uuid", consentId.toString()))
                .isEqualTo("SIGNATURE"));
        assertThat(TestDb.single("SELECT collected_at = '2026-10-01T08:00:00Z' FROM consent_holding WHERE"
                + " consent_id = ?::uuid", consentId.toString())).isEqualTo(true);
        record(PATH, consent(subject, consentId)).then().statusCode(201).body("status", equalTo("CONSENT_VERIFIED"));
    }

    @Test
    @TestSecurity(user = "keeper", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = KEEPER))
    @Verifies(value = "3.5.d", exercises = "RetentionBasisService#record")
    void aBlanketExemptionMissingEvidenceUnknownValuesOrAnyOtherBasisAreRefused() {
        long before = bases(KEEPER);
        String subject = Fixtures.newSubject();
        record(PATH, "{}").then().statusCode(400);
        record(PATH, "{\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"we keep everything\",\"law\":\"x\","
                + "\"retentionPeriod\":\"P1Y\"}").then().statusCode(400).body("errors[0].field", equalTo("subjectId"));
        record(PATH, law("\"category\":\"user.shoe_size\"")).then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
        record(PATH, "{\"category\":\"user.name\",\"legalBasis\":\"HABIT\",\"explanation\":\"x\"}").then()
                .statusCode(400).body("errors[0].field", equalTo("legalBasis"));
        // a legal obligation names the law and a period
        record(PATH, "{\"category\":\"user.name\",\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"x\"}").then()
                .statusCode(400).body("errors.field", hasItems("law", "retentionPeriod"));
        for (String period : List.of("forever", "P0D", "P-1Y", "P101Y", "PT5H")) {
            record(PATH, "{\"category\":\"user.name\",\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"x\","
                    + "\"law\":\"AML\",\"retentionPeriod\":\"" + period + "\"}").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("retentionPeriod"));
        }
        // a category-wide express consent, or one without the consent, is no evidence
        record(PATH, "{\"category\":\"user.financial.transaction\",\"legalBasis\":\"EXPRESS_CONSENT\","
                + "\"explanation\":\"subjects agreed to keep their receipts\"}").then().statusCode(400)
                .body("errors.field", hasItems("subjectId", "consentId"));
        record(PATH, "{\"subjectId\":\"" + subject + "\",\"legalBasis\":\"EXPRESS_CONSENT\",\"explanation\":\"x\","
                + "\"consentId\":\"not-a-uuid\"}").then().statusCode(400).contentType("application/problem+json");
        // no other basis keeps data after termination
        for (String basis : List.of("CONSENT", "VITAL_INTERESTS", "LEGITIMATE_INTERESTS", "CONTRACT")) {
            record(PATH, "{\"category\":\"user.name\",\"legalBasis\":\"" + basis + "\",\"explanation\":\"x\"}")
                    .then().statusCode(422).body("clause", equalTo("3.5.d"))
                    .body("type", equalTo(PROBLEMS + "retention-basis-insufficient"));
        }
        assertThat(bases(KEEPER)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "keeper", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = KEEPER))
    void anUnknownOrMalformedBasisIdIsAProblem() {
        given().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get(PATH + "/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_A))
    void anotherPartnersRetentionBasesAre404() {
        UUID own = Fixtures.legalObligation(UUID.fromString(KEEPER), null, "user.name", "PENDING_REVIEW");
        long before = bases(KEEPER);
        given().get(PATH + "/" + own).then().statusCode(404);
        record(PATH, law("\"category\":\"user.name\"")).then().statusCode(404);
        given().get(PATH).then().statusCode(404);
        assertThat(bases(KEEPER)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "closed", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = CLOSED))
    @Verifies("3.5.d")
    void afterTheTerminationFannedOutABasisCanNoLongerBeRecorded() {
        TestDb.execute("INSERT INTO deletion_order (kind, ref, partner_id, categories, event_id, ordered_at) VALUES"
                + " ('TERMINATION', '" + CLOSED + "', '" + CLOSED + "', '{}', gen_random_uuid(), now())");
        record("/partners/" + CLOSED + "/retention-bases", law("\"category\":\"user.name\"")).then().statusCode(409);
    }
}

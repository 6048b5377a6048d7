package com.privacyplatform.dsr.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.commons.clause.Verifies;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** 3.5.d: a partner records the legal bases on which it keeps data after termination. */
@QuarkusTest
class RetentionBasisTest {

    static final String KEEPER = "d5a00000-0000-4000-8000-0000000000c1";
    static final String CLOSED = "d5a00000-0000-4000-8000-0000000000c2";
    static final String PATH = "/partners/" + KEEPER + "/retention-bases";

    private static io.restassured.response.Response record(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path);
    }

    private static long bases(String partner) {
        return TestDb.count("SELECT count(*) FROM retention_basis WHERE partner_id = ?::uuid", partner);
    }

    @Test
    @TestSecurity(user = "keeper", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = KEEPER))
    @Verifies("3.5.d")
    void aPartnerRecordsRetentionBasesForASubjectOrACategoryAndListsThem() {
        String subject = Fixtures.newSubject();
        String location = record(PATH, "{\"subjectId\":\"" + subject + "\",\"legalBasis\":\"LEGAL_OBLIGATION\","
                + "\"explanation\":\"court order to preserve records\"}").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString(PATH + "/"))
                .body("subjectId", equalTo(subject)).body("category", equalTo(null))
                .body("recordedBy", equalTo("partner:" + KEEPER)).extract().header("Location");
        // the Location names a basis that GET serves
        given().get(java.net.URI.create(location).getPath()).then().statusCode(200)
                .body("subjectId", equalTo(subject)).body("legalBasis", equalTo("LEGAL_OBLIGATION"));
        record(PATH, "{\"category\":\"user.financial.transaction\",\"legalBasis\":\"EXPRESS_CONSENT\","
                + "\"explanation\":\"subjects agreed to keep their receipts\"}").then().statusCode(201);
        String next = given().queryParam("limit", 1).get(PATH).then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().queryParam("limit", 1).queryParam("cursor", next).get(PATH).then()
                .body("items[0].category", equalTo("user.financial.transaction"));
    }

    @Test
    @TestSecurity(user = "keeper", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = KEEPER))
    @Verifies("3.5.d")
    void aBlanketExemptionUnknownValuesOrMereConsentAreRefused() {
        long before = bases(KEEPER);
        record(PATH, "{}").then().statusCode(400);
        record(PATH, "{\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"we keep everything\"}").then()
                .statusCode(400).body("errors[0].field", equalTo("subjectId"));
        record(PATH, "{\"category\":\"user.shoe_size\",\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"x\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("category"));
        record(PATH, "{\"category\":\"user.name\",\"legalBasis\":\"HABIT\",\"explanation\":\"x\"}").then()
                .statusCode(400).body("errors[0].field", equalTo("legalBasis"));
        record(PATH, "{\"category\":\"user.name\",\"legalBasis\":\"CONSENT\",\"explanation\":\"they agreed once\"}")
                .then().statusCode(422).body("clause", equalTo("3.5.d"))
                .body("type", equalTo("https://privacy-platform.example/problems/retention-basis-insufficient"));
        assertThat(bases(KEEPER)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "keeper", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = KEEPER))
    void anUnknownOrMalformedBasisIdIsAProblem() {
        given().get(PATH + "/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get(PATH + "/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.PARTNER_A))
    void anotherPartnersRetentionBasesAre404() {
        Object own = TestDb.single("INSERT INTO retention_basis (id, partner_id, category, legal_basis, explanation,"
                + " recorded_by, recorded_at) VALUES (gen_random_uuid(), '" + KEEPER + "', 'user.name', 'LEGAL_OBLIGATION',"
                + " 'x', 'partner:" + KEEPER + "', now()) RETURNING id::text");
        long before = bases(KEEPER);
        given().get(PATH + "/" + own).then().statusCode(404);
        record(PATH, "{\"category\":\"user.name\",\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"x\"}").then()
                .statusCode(404);
        given().get(PATH).then().statusCode(404);
        assertThat(bases(KEEPER)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void officersReadButDoNotRecordAPartnersBases() {
        record(PATH, "{\"category\":\"user.name\",\"legalBasis\":\"LEGAL_OBLIGATION\",\"explanation\":\"x\"}").then()
                .statusCode(403);
        given().get(PATH).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "5b000000-0000-4000-8000-000000000801", roles = "data-subject")
    void subjectsCannotReadPartnersBases() {
        given().get(PATH).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "closed", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = CLOSED))
    @Verifies("3.5.d")
    void afterTheTerminationFannedOutABasisCanNoLongerBeRecorded() {
        TestDb.execute("INSERT INTO deletion_order (kind, ref, partner_id, categories, event_id, ordered_at) VALUES"
                + " ('TERMINATION', '" + CLOSED + "', '" + CLOSED + "', '{}', gen_random_uuid(), now())");
        record("/partners/" + CLOSED + "/retention-bases", "{\"category\":\"user.name\",\"legalBasis\":"
                + "\"LEGAL_OBLIGATION\",\"explanation\":\"x\"}").then().statusCode(409);
    }
}

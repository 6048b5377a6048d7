package com.privacyplatform.consent.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading (3.4.f): subjects their own across partners, partners their own, oversight all; masking (3.2.d). */
@QuarkusTest
class ReadTest {

    static final String SUBJECT = "subj-read-1";
    static final String RECIPIENTS = "[{\"name\": \"Zhang San\", \"country\": \"CN\", \"kind\": \"PERSON\","
            + " \"contactEmail\": \"zhang.san@example.com\"}, {\"name\": \"Acme Logistics Ltd.\", \"country\": \"SG\","
            + " \"kind\": \"ORGANIZATION\", \"contactEmail\": \"privacy@acme.example\"}]";
    static List<String> ids = new ArrayList<>();
    static String withB;

    @BeforeAll
    static void consents() {
        Fixtures.knownPartners();
        ids.add(Fixtures.consent(Fixtures.A, SUBJECT, "analytics", "GRANTED", null, "user.device.identifier"));
        ids.add(Fixtures.consent(Fixtures.A, SUBJECT, "marketing.communications", "REVOKED", null, "user.contact.email"));
        ids.add(Fixtures.consent(Fixtures.A, SUBJECT, "payment_processing", "REFUSED", null, "user.name"));
        withB = Fixtures.consent(Fixtures.B, SUBJECT, "analytics", "GRANTED", RECIPIENTS, "user.device.identifier");
        ids.add(withB);
        TestDb.execute("INSERT INTO consent_history (id, consent_id, state, previous_state, cause, reason, actor, actor_role,"
                + " at) VALUES ('" + Ids.newId() + "', '" + ids.get(1) + "', 'REVOKED', 'GRANTED', 'SUBJECT',"
                + " 'call me on 13812345678 first', 'user:" + SUBJECT + "', 'data-subject', now())");
    }

    @Test
    @TestSecurity(user = SUBJECT, roles = "data-subject")
    @Verifies(value = {"1.2", "3.2.d"}, exercises = "ConsentResource#list")
    void aSubjectSeesTheirOwnConsentsAcrossPartnersAndTheirValuesInClear() {
        given().get("/consents").then().statusCode(200).body("items", hasSize(4)).body("nextCursor", nullValue());
        given().queryParam("subjectId", "subj-someone-else").get("/consents").then().statusCode(200)
                .body("items", hasSize(0));
        given().get("/consents/" + withB).then().statusCode(200)
                .body("recipients[0].name", equalTo("Zhang San"))
                .body("recipients[0].contactEmail", equalTo("zhang.san@example.com"));
        given().get("/consents/" + withB + "/history").then().statusCode(200).body("", hasSize(1));
        given().get("/consents/" + ids.get(1) + "/history").then().statusCode(200)
                .body("[1].reason", equalTo("call me on 13812345678 first"));
        assertThat(receiptPayload(withB)).contains("Zhang San");
    }

    @Test
    @TestSecurity(user = "subj-read-2", roles = "data-subject")
    @Verifies(value = "3.4.f", exercises = "ConsentQueries#load")
    void aSubjectCannotReadAnotherSubjectsConsent() {
        given().get("/consents/" + withB).then().statusCode(404);
        given().get("/consents/" + withB + "/history").then().statusCode(404);
        given().get("/consents/" + withB + "/receipt").then().statusCode(404);
        given().queryParam("subjectId", SUBJECT).get("/consents").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies(value = "3.4.f", exercises = "ConsentQueries#list")
    void aPartnerSeesOnlyItsOwnSubjectsConsents() {
        given().queryParam("subjectId", SUBJECT).get("/consents").then().statusCode(200).body("items", hasSize(3))
                .body("items.partnerId", org.hamcrest.Matchers.everyItem(equalTo(Fixtures.A)));
        given().queryParam("subjectId", SUBJECT).queryParam("partnerId", Fixtures.B).get("/consents").then()
                .statusCode(200).body("items", hasSize(0));
        given().get("/consents/" + withB).then().statusCode(404).contentType("application/problem+json");
        given().get("/consents/" + withB + "/history").then().statusCode(404);
        given().get("/consents/" + ids.get(0)).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies(value = "3.2.d", exercises = {"ConsentViewMapper#reasonForOthers", "ConsentViewMapper#masked"})
    void officersSeeEveryConsentWithPersonalValuesMasked() {
        given().get("/consents/" + withB).then().statusCode(200)
                .body("recipients[0].name", equalTo("****"))
                .body("recipients[0].contactEmail", equalTo("z***@example.com"))
                .body("recipients[1].name", equalTo("Acme Logistics Ltd."))
                .body("recipients[1].contactEmail", equalTo("p***@acme.example"));
        // a reason typed by the subject is free text: masked for everyone but the owners (3.2.d)
        given().get("/consents/" + ids.get(1) + "/history").then().statusCode(200)
                .body("[1].cause", equalTo("SUBJECT")).body("[1].reason", equalTo("****"));
        assertThat(receiptPayload(withB)).contains("Acme Logistics Ltd.").doesNotContain("Zhang San");
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsWalkAllPagesWithFilters() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("subjectId", SUBJECT).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/consents").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            assertThat(page.getString("items[0].recipients[0].name")).isNotEqualTo("Zhang San");
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(ids);
        given().queryParam("subjectId", SUBJECT).queryParam("state", "GRANTED").get("/consents").then()
                .body("items", hasSize(2));
        given().queryParam("subjectId", SUBJECT).queryParam("purpose", "analytics").get("/consents").then()
                .body("items", hasSize(2));
        given().queryParam("subjectId", SUBJECT).queryParam("partnerId", Fixtures.A).get("/consents").then()
                .body("items", hasSize(3));
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void badQueryParametersAreNamed() {
        for (String[] bad : new String[][] {{"limit", "0"}, {"limit", "501"}, {"limit", "many"}, {"cursor", "!!!"},
            {"cursor", Cursors.encode("not-a-uuid")}, {"state", "MAYBE"}, {"partnerId", "nope"}}) {
            given().queryParam(bad[0], bad[1]).get("/consents").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().get("/consents/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/consents/not-a-uuid").then().statusCode(404);
        given().get("/consents/not-a-uuid/history").then().statusCode(404);
        given().get("/consents/" + UUID.randomUUID() + "/receipt").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "service-account-platform-services", roles = "platform-service")
    void platformServicesDoNotListConsents() {
        given().get("/consents").then().statusCode(403);
        given().get("/consents/" + withB).then().statusCode(403);
        given().get("/consents/" + withB + "/receipt").then().statusCode(403);
    }

    /** The receipt's claims as JSON text (decoded, not verified: ReceiptTest verifies). */
    private static String receiptPayload(String id) {
        String jws = given().get("/consents/" + id + "/receipt").then().statusCode(200)
                .contentType("application/jose").extract().asString();
        return new String(java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    @TestSecurity
    void anonymousCallersReadNothing() {
        given().get("/consents").then().statusCode(401);
        given().get("/consents/" + withB).then().statusCode(401);
        given().get("/consents/" + withB + "/history").then().statusCode(401);
    }
}

package com.privacyplatform.consent.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.consent.support.RealTokens;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /consents/imports: decisions collected before the recording window come in only as a
 * compliance officer's documented migration - audited, shown in the history as IMPORTED - and a
 * backdated import cannot undo a revocation either.
 */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class ImportTest {

    private static final String REFERENCE = "MIG-2026-017";
    private static final String JUSTIFICATION = "Legacy shop consents before onboarding, exported from its consent log";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
    }

    @Test
    @Verifies(value = "1.2", exercises = {"ImportResource#importDecisions", "RecordService#importMigrated"})
    void anOfficerImportsAnOldDecisionAsADocumentedMigrationShownInItsHistory() {
        String subject = Fixtures.subject();
        Instant collected = Instant.now().minus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        var created = importing(body(Fixtures.A, old(subject, collected).purpose("payment_processing", true, "user.name")))
                .statusCode(201).contentType(ContentType.JSON)
                .body("items[0].consent.collectedAt", equalTo(collected.toString()))
                .body("items[0].consent.state", equalTo("GRANTED"))
                .body("items[0].consent.partnerId", equalTo(Fixtures.A))
                .body("items[0].receipt", containsString("."))
                .extract().response();
        String id = created.path("items[0].consent.id");
        assertThat(created.header("Location")).endsWith("/consents/" + id);

        given().get("/consents/" + id + "/history").then().statusCode(200)
                .body("[0].state", equalTo("GRANTED")).body("[0].cause", equalTo("IMPORTED"))
                .body("[0].actor", equalTo("user:olivia")).body("[0].actorRole", equalTo("compliance-officer"))
                .body("[0].reason", equalTo("migration " + REFERENCE + ": " + JUSTIFICATION));
        assertThat((String) TestDb.single("SELECT details FROM platform_audit_record WHERE target_id = ?"
                + " AND action = 'consent.imported'", id)).contains(REFERENCE, "payment_processing");
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE payload->>'consentId' = ?"
                + " AND type = 'consent.granted'", id)).isEqualTo(1);
    }

    @Test
    @Verifies("3.5.a")
    void aBackdatedImportCannotUndoARevocationEither() {
        String subject = Fixtures.subject();
        String revoked = Fixtures.consent(Fixtures.A, subject, "marketing.communications", "REVOKED", null,
                "user.contact.email");
        importing(body(Fixtures.A, old(subject, Instant.now().minus(60, ChronoUnit.DAYS))
                .purpose("marketing.communications", true, "user.contact.email")))
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://privacy-platform.example/problems/decision-predates-revocation"))
                .body("clause", equalTo("3.5.a")).body("instance", equalTo("/consents/imports"))
                .body("errors[0].field", equalTo("collection.collectedAt"))
                .body("errors[0].message", containsString(revoked));
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isEqualTo(1);
    }

    @Test
    @Verifies({"3.1.b", "3.2.c"})
    void everyOtherRecordingRuleAppliesAndNamesTheFieldInTheBody() {
        String subject = Fixtures.subject();
        importing(body(Fixtures.B, old(subject, Instant.now().minus(45, ChronoUnit.DAYS))
                .purpose("marketing.communications", true, "user.contact.email")
                .purpose("fraud_detection", true, "user.device.identifier")))
                // the first violation names type and clause; errors name every one, inside the body
                .statusCode(422).body("clause", equalTo("3.1.b"))
                .body("type", equalTo("https://privacy-platform.example/problems/out-of-scope"))
                .body("errors.field", hasItems("collection.purposes[0].purpose", "collection.purposes[1].purpose"))
                .body("errors.message", hasItem(containsString("3.2.c: fraud_detection profiles people")));
        importing(body(Fixtures.UNKNOWN, old(subject, Instant.now().minus(45, ChronoUnit.DAYS))
                .purpose("analytics", true, "user.device.identifier")))
                .statusCode(422).body("type", equalTo("https://privacy-platform.example/problems/partner-not-active"));
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isZero();
    }

    @Test
    void badInputIsNamedAndChangesNothing() {
        String subject = Fixtures.subject();
        Fixtures.Body collection = old(subject, Instant.now().minus(40, ChronoUnit.DAYS))
                .purpose("analytics", true, "user.device.identifier");
        Map<String, Object> noMigration = body(Fixtures.A, collection);
        noMigration.remove("migration");
        importing(noMigration).statusCode(400).body("errors.field", hasItem("migration"));
        Map<String, Object> shortJustification = body(Fixtures.A, collection);
        shortJustification.put("migration", Map.of("reference", REFERENCE, "justification", "because"));
        importing(shortJustification).statusCode(400).body("errors.field", hasItem("migration.justification"));
        Map<String, Object> badReference = body(Fixtures.A, collection);
        badReference.put("migration", Map.of("reference", "MIG 17; drop", "justification", JUSTIFICATION));
        importing(badReference).statusCode(400).body("errors.field", hasItem("migration.reference"));
        Map<String, Object> noPartner = body(Fixtures.A, collection);
        noPartner.remove("partnerId");
        importing(noPartner).statusCode(400).body("errors.field", hasItem("partnerId"));
        importing(body(Fixtures.A, old(subject, Instant.now().minus(40, ChronoUnit.DAYS)).with("jurisdiction", "XX")
                .with("collectedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())
                .purpose("analytics", true, "user.device.identifier")))
                .statusCode(400).body("errors.field", hasItems("collection.jurisdiction", "collection.collectedAt"));
        given().contentType(ContentType.JSON).body("{\"partnerId\":").post("/consents/imports").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheImport() {
        Map<String, Object> body = body(Fixtures.A, old(Fixtures.subject(), Instant.now().minus(35, ChronoUnit.DAYS))
                .purpose("analytics", false, "user.device.identifier"));
        String key = "import-" + body.hashCode();
        String id = importing(body, key).statusCode(201).extract().path("items[0].consent.id");
        importing(body, key).statusCode(201).header("Idempotent-Replayed", "true").body("items[0].consent.id", equalTo(id));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    void partnersCannotImport() {
        denied(403);
    }

    @Test
    @TestSecurity(user = "subj-import", roles = "data-subject")
    void dataSubjectsCannotImport() {
        denied(403);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsCannotImport() {
        denied(403);
    }

    @Test
    @TestSecurity(user = "service-account-platform-services", roles = "platform-service")
    void platformServicesCannotImport() {
        denied(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersCannotImport() {
        denied(401);
    }

    @Test
    @Verifies({"1.2", "3.4.f"})
    void theSubjectSeesTheImportedDecisionAndItsMigrationWhileOthersSeeNothing() {
        String id = given().header("Authorization", RealTokens.bearer(RealTokens.user("olivia")))
                .contentType(ContentType.JSON).body(json(body(Fixtures.A, old(Fixtures.ALICE,
                        Instant.now().minus(120, ChronoUnit.DAYS)).purpose("payment_processing", true, "user.name"))))
                .post("/consents/imports").then().statusCode(201).extract().path("items[0].consent.id");
        given().header("Authorization", RealTokens.bearer(RealTokens.user("alice"))).get("/consents/" + id + "/history")
                .then().statusCode(200).body("[0].cause", equalTo("IMPORTED"))
                .body("[0].reason", containsString(REFERENCE));
        given().header("Authorization", RealTokens.bearer(RealTokens.user("bob"))).get("/consents/" + id + "/history")
                .then().statusCode(404);
        given().header("Authorization", RealTokens.bearer(RealTokens.partnerA())).contentType(ContentType.JSON)
                .body(json(body(Fixtures.A, old(Fixtures.ALICE, Instant.now().minus(120, ChronoUnit.DAYS))
                        .purpose("payment_processing", true, "user.name"))))
                .post("/consents/imports").then().statusCode(403);
    }

    private static void denied(int status) {
        String subject = Fixtures.subject();
        importing(body(Fixtures.A, old(subject, Instant.now().minus(40, ChronoUnit.DAYS))
                .purpose("analytics", true, "user.device.identifier")))
                .statusCode(status).contentType("application/problem+json");
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isZero();
    }

    private static Fixtures.Body old(String subject, Instant collectedAt) {
        return Fixtures.body(subject).with("collectedAt", collectedAt.toString());
    }

    private static Map<String, Object> body(String partnerId, Fixtures.Body collection) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerId", partnerId);
        body.put("migration", Map.of("reference", REFERENCE, "justification", JUSTIFICATION));
        try {
            body.put("collection", JSON.readValue(collection.json(), Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return body;
    }

    private static ValidatableResponse importing(Map<String, Object> body) {
        return importing(body, null);
    }

    private static ValidatableResponse importing(Map<String, Object> body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(json(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/consents/imports").then();
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.privacyplatform.consent.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The policy rules of recording: 422 naming the clause, nothing stored, nothing published. */
@QuarkusTest
class RecordRulesTest {

    static final String SUSPENDED = "c0a5e000-0000-4000-8000-000000000101";
    static final String TERMINATED = "c0a5e000-0000-4000-8000-000000000102";
    static final String PENDING = "c0a5e000-0000-4000-8000-000000000103";
    private static final String PROBLEMS = "https://privacy-platform.example/problems/";

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
        Registry.activate(SUSPENDED, 1, false, Fixtures.SCOPE_B);
        Registry.status("partner.suspended", SUSPENDED, "ACTIVE", "SUSPENDED", "audit finding overdue", Instant.now());
        Registry.activate(TERMINATED, 1, false, Fixtures.SCOPE_B);
        Registry.status("partner.terminated", TERMINATED, "ACTIVE", "TERMINATED", "contract ended", Instant.now());
        Registry.scopeChanged(PENDING, "PENDING", 1, false, Fixtures.SCOPE_B);
    }

    @Test
    @TestSecurity(user = "partner-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.B))
    @Verifies(value = {"3.1.b", "3.2.a", "1.3"}, exercises = "RecordRules#inScope")
    void aPurposeOutsideThePermittedScopeIsRefusedNamingClause31b() {
        String subject = Fixtures.subject();
        refused(Fixtures.body(subject).purpose("payment_processing", true, "user.name")
                .purpose("marketing.communications", true, "user.contact.email"))
                .body("type", equalTo(PROBLEMS + "out-of-scope"))
                .body("clause", equalTo("3.1.b"))
                .body("errors.field", containsInAnyOrder("purposes[1].purpose"));
        nothingStoredFor(subject);
    }

    @Test
    @TestSecurity(user = "partner-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.B))
    @Verifies(value = "3.1.b", exercises = "RecordRules#inScope")
    void everyCategoryOutsideTheScopeIsNamedInOneProblem() {
        String subject = Fixtures.subject();
        refused(Fixtures.body(subject).purpose("payment_processing", true, "user.name", "user.location.precise")
                .purpose("analytics", false, "user.behavior.browsing", "user.device.identifier", "user.health"))
                .body("clause", equalTo("3.1.b"))
                .body("errors", hasSize(3))
                .body("errors.field", containsInAnyOrder("purposes[0].categories[1]", "purposes[1].categories[0]",
                        "purposes[1].categories[2]"));
        nothingStoredFor(subject);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies(value = {"3.1.c", "2.2", "2.4"}, exercises = "RecordRules#expressForSensitive")
    void aSensitiveCategoryNeedsAnExpressMethodNamingClause31c() {
        String subject = Fixtures.subject();
        refused(Fixtures.body(subject).with("legalBasis", "CONSENT").with("method", "PRE_TICKED_BOX")
                .purpose("analytics", true, "user.device.identifier")
                .purpose("payment_processing", true, "user.name", "user.financial.bank_account"))
                .body("type", equalTo(PROBLEMS + "express-consent-required"))
                .body("clause", equalTo("3.1.c"))
                .body("errors.field", containsInAnyOrder("purposes[1].categories[1]"));
        nothingStoredFor(subject);
        // the same non-sensitive purpose alone passes with an implied method
        given().contentType(ContentType.JSON).body(Fixtures.body(subject).with("legalBasis", "CONSENT")
                        .with("method", "IMPLIED").purpose("analytics", true, "user.device.identifier").json())
                .post("/consents").then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    void refusingASensitiveCategoryNeedsNoExpressMethod() {
        given().contentType(ContentType.JSON).body(Fixtures.body(Fixtures.subject()).with("legalBasis", "CONSENT")
                        .with("method", "IMPLIED").purpose("payment_processing", false, "user.financial.bank_account").json())
                .post("/consents").then().statusCode(201).body("items[0].consent.state", equalTo("REFUSED"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies(value = "2.4", exercises = "RecordRules#expressMethodForExpressBasis")
    void theExpressConsentBasisNeedsAnExpressMethod() {
        String subject = Fixtures.subject();
        refused(Fixtures.body(subject).with("method", "IMPLIED").purpose("analytics", true, "user.device.identifier"))
                .body("clause", equalTo("2.4")).body("errors.field", hasItem("method"));
        nothingStoredFor(subject);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies(value = "3.5.d", exercises = "RecordRules#expressForRetention")
    void consentToRetentionAfterTheCooperationNeedsAnExpressMethodNamingClause35d() {
        String subject = Fixtures.subject();
        refused(Fixtures.body(subject).with("legalBasis", "CONSENT").with("method", "IMPLIED")
                .purpose("retention_after_cooperation", true, "user.name"))
                .body("type", equalTo(PROBLEMS + "express-consent-required"))
                .body("clause", equalTo("3.5.d"))
                .body("errors.field", contains("purposes[0].purpose"));
        nothingStoredFor(subject);
        // refusing it needs no express method; granting it with a ticked box is recorded
        given().contentType(ContentType.JSON).body(Fixtures.body(subject).with("legalBasis", "CONSENT")
                        .with("method", "IMPLIED").purpose("retention_after_cooperation", false, "user.name").json())
                .post("/consents").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Fixtures.body(Fixtures.subject()).with("method", "CHECKBOX")
                        .purpose("retention_after_cooperation", true, "user.name").json())
                .post("/consents").then().statusCode(201).body("items[0].consent.state", equalTo("GRANTED"));
    }

    @Test
    @TestSecurity(user = "partner-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.B))
    @Verifies(value = "3.2.c", exercises = "RecordRules#automatedDecisionsAuthorized")
    void automatedDecisionMakingWithoutThePlatformsAuthorizationIsRefusedNamingClause32c() {
        String subject = Fixtures.subject();
        refused(Fixtures.body(subject).purpose("automated_decision_making", true, "user.financial.credit"))
                .body("type", equalTo(PROBLEMS + "automated-decisions-not-authorized"))
                .body("clause", equalTo("3.2.c"))
                .body("errors.field", containsInAnyOrder("purposes[0].purpose"));
        nothingStoredFor(subject);
    }

    @Test
    @TestSecurity(user = "partner-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.B))
    @Verifies(value = "3.2.c", exercises = "RecordRules#automatedDecisionsAuthorized")
    void everyPurposeThatProfilesNeedsThePlatformsAuthorizationNamingClause32c() {
        String subject = Fixtures.subject();
        refused(Fixtures.body(subject).purpose("payment_processing", true, "user.name")
                .purpose("fraud_detection", true, "user.device.identifier")
                .purpose("personalization", false, "user.behavior.browsing"))
                .body("type", equalTo(PROBLEMS + "automated-decisions-not-authorized"))
                .body("clause", equalTo("3.2.c"))
                .body("errors.field", containsInAnyOrder("purposes[1].purpose", "purposes[2].purpose"))
                .body("errors[0].message", containsString("fraud_detection profiles people"));
        nothingStoredFor(subject);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies("3.2.c")
    void anAuthorizedPartnerRecordsConsentToProfilingPurposes() {
        given().contentType(ContentType.JSON).body(Fixtures.body(Fixtures.subject())
                        .purpose("fraud_detection", true, "user.device.identifier")
                        .purpose("personalization", true, "user.behavior.browsing").json())
                .post("/consents").then().statusCode(201)
                .body("items.consent.state", contains("GRANTED", "GRANTED"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies("3.2.c")
    void anAuthorizedPartnerRecordsConsentToAutomatedDecisions() {
        given().contentType(ContentType.JSON).body(Fixtures.body(Fixtures.subject())
                        .purpose("automated_decision_making", true, "user.financial.credit").json())
                .post("/consents").then().statusCode(201).body("items[0].consent.state", equalTo("GRANTED"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies(value = "3.3.a", exercises = "RecordRules#recipientsForDisclosure")
    void consentToDisclosureNamesItsRecipientsNamingClause33a() {
        String subject = Fixtures.subject();
        refused(Fixtures.body(subject).purpose("third_party_sharing", true, "user.name"))
                .body("type", equalTo(PROBLEMS + "recipients-required"))
                .body("clause", equalTo("3.3.a")).body("errors.field", hasItem("recipients"));
        nothingStoredFor(subject);
        given().contentType(ContentType.JSON).body(Fixtures.body(subject)
                        .recipient("Acme Logistics Ltd.", "SG", "ORGANIZATION", null)
                        .purpose("third_party_sharing", true, "user.name").json())
                .post("/consents").then().statusCode(201)
                .body("items[0].consent.recipients[0].name", equalTo("Acme Logistics Ltd."));
    }

    @Test
    @TestSecurity(user = "partner-s", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = SUSPENDED))
    @Verifies(value = "3.4.j", exercises = "RecordRules#requireActive")
    void aSuspendedPartnerCannotRecord() {
        String subject = Fixtures.subject();
        refused(Fixtures.body(subject).purpose("payment_processing", true, "user.name"))
                .body("type", equalTo(PROBLEMS + "partner-not-active")).body("clause", equalTo("3.4.j"));
        nothingStoredFor(subject);
    }

    @Test
    @TestSecurity(user = "partner-t", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = TERMINATED))
    @Verifies(value = "3.5.d", exercises = "RecordRules#requireActive")
    void aTerminatedPartnerCannotRecord() {
        String subject = Fixtures.subject();
        refused(Fixtures.body(subject).purpose("payment_processing", true, "user.name"))
                .body("type", equalTo(PROBLEMS + "partner-not-active")).body("clause", equalTo("3.5.d"));
        nothingStoredFor(subject);
    }

    @Test
    @TestSecurity(user = "partner-p", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = PENDING))
    void aPendingPartnerCannotRecord() {
        String subject = Fixtures.subject();
        refused(Fixtures.body(subject).purpose("payment_processing", true, "user.name"))
                .body("type", equalTo(PROBLEMS + "partner-not-active")).body("clause", equalTo("3.1.b"));
        nothingStoredFor(subject);
    }

    @Test
    @TestSecurity(user = "partner-u", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.UNKNOWN))
    void aPartnerUnknownToTheRegistryCannotRecord() {
        String subject = Fixtures.subject();
        refused(Fixtures.body(subject).purpose("payment_processing", true, "user.name"))
                .body("type", equalTo(PROBLEMS + "partner-not-active")).body("clause", equalTo("3.1.b"));
        nothingStoredFor(subject);
    }

    private static ValidatableResponse refused(Fixtures.Body body) {
        return given().contentType(ContentType.JSON).body(body.json()).post("/consents")
                .then().statusCode(422).contentType("application/problem+json").body("instance", equalTo("/consents"));
    }

    private static void nothingStoredFor(String subject) {
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE payload->>'subjectId' = ?", subject)).isZero();
    }
}

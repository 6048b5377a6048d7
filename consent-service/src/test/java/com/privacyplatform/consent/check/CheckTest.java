package com.privacyplatform.consent.check;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.consent.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The consent check: ALLOW only when partner, scope and the subject's decision all say so; the reason otherwise. */
@QuarkusTest
class CheckTest {

    /** Authorized for profiling purposes, then withdrawn. */
    static final String PROFILER = "c0a5e000-0000-4000-8000-0000000002c1";

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies(value = {"3.1.a", "3.2.b"}, exercises = {"CheckDecider#decide", "CheckResource#check"})
    void aGrantedConsentAllowsItsCategoriesAndOnlyThose() {
        String subject = Fixtures.subject();
        String id = Fixtures.consent(Fixtures.A, subject, "marketing.communications", "GRANTED", null,
                "user.contact.email", "user.name");
        check(null, subject, "marketing.communications", "user.contact.email")
                .body("decision", equalTo("ALLOW")).body("reason", equalTo("CONSENT_GRANTED"))
                .body("consentId", equalTo(id)).body("legalBasis", equalTo("EXPRESS_CONSENT"))
                .body("clause", nullValue()).body("checkedAt", notNullValue());
        check(null, subject, "marketing.communications", "user.behavior.browsing")
                .body("decision", equalTo("DENY")).body("reason", equalTo("CATEGORY_NOT_CONSENTED"))
                .body("clause", equalTo("3.2.b"));
        check(null, subject, "analytics", "user.behavior.browsing")
                .body("decision", equalTo("DENY")).body("reason", equalTo("NO_CONSENT")).body("clause", equalTo("3.1.a"));
        check(null, "subj-nobody", "marketing.communications", "user.contact.email")
                .body("reason", equalTo("NO_CONSENT"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies(value = "3.5.a", exercises = "CheckDecider#decide")
    void refusedAndRevokedDecisionsDenyWithTheirReason() {
        String subject = Fixtures.subject();
        Fixtures.consent(Fixtures.A, subject, "analytics", "REFUSED", null, "user.device.identifier");
        Fixtures.consent(Fixtures.A, subject, "marketing.communications", "REVOKED", null, "user.contact.email");
        check(null, subject, "analytics", "user.device.identifier")
                .body("decision", equalTo("DENY")).body("reason", equalTo("CONSENT_REFUSED"));
        check(null, subject, "marketing.communications", "user.contact.email")
                .body("decision", equalTo("DENY")).body("reason", equalTo("CONSENT_REVOKED"))
                .body("clause", equalTo("3.5.a"));
    }

    @Test
    @TestSecurity(user = "partner-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.B))
    @Verifies({"3.2.a", "3.2.c"})
    void aConsentOutsideThePartnersScopeOrWithoutAdmAuthorizationDenies() {
        String subject = Fixtures.subject();
        Fixtures.consent(Fixtures.B, subject, "marketing.communications", "GRANTED", null, "user.contact.email");
        Fixtures.consent(Fixtures.B, subject, "automated_decision_making", "GRANTED", null, "user.financial.credit");
        check(null, subject, "marketing.communications", "user.contact.email")
                .body("decision", equalTo("DENY")).body("reason", equalTo("OUT_OF_SCOPE")).body("clause", equalTo("3.2.a"));
        check(null, subject, "automated_decision_making", "user.financial.credit")
                .body("decision", equalTo("DENY")).body("reason", equalTo("AUTOMATED_DECISIONS_NOT_AUTHORIZED"))
                .body("clause", equalTo("3.2.c"));
    }

    @Test
    @TestSecurity(user = "partner-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.B))
    @Verifies("3.2.c")
    void everyPurposeThatProfilesDeniesWithoutThePlatformsAuthorizationWhateverTheConsent() {
        String subject = Fixtures.subject();
        for (String purpose : new String[] {"fraud_detection", "personalization"}) {
            Fixtures.consent(Fixtures.B, subject, purpose, "GRANTED", null, "user.behavior.browsing");
            check(null, subject, purpose, "user.behavior.browsing")
                    .body("decision", equalTo("DENY")).body("reason", equalTo("AUTOMATED_DECISIONS_NOT_AUTHORIZED"))
                    .body("clause", equalTo("3.2.c"));
        }
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies("3.2.c")
    void aWithdrawnAuthorizationDeniesEveryProfilingPurposeAtTheNextCheck() {
        String subject = Fixtures.subject();
        Map<String, String[]> scope = Map.of("fraud_detection", new String[] {"user.device.identifier"},
                "personalization", new String[] {"user.behavior.browsing"},
                "payment_processing", new String[] {"user.name"});
        Registry.activate(PROFILER, 1, true, scope);
        Fixtures.consent(PROFILER, subject, "fraud_detection", "GRANTED", null, "user.device.identifier");
        Fixtures.consent(PROFILER, subject, "personalization", "GRANTED", null, "user.behavior.browsing");
        Fixtures.consent(PROFILER, subject, "payment_processing", "GRANTED", null, "user.name");
        check(PROFILER, subject, "fraud_detection", "user.device.identifier").body("decision", equalTo("ALLOW"));
        check(PROFILER, subject, "personalization", "user.behavior.browsing").body("decision", equalTo("ALLOW"));

        // the registry withdraws the authorization (its event carries the flag; the scope is left as it was here)
        Registry.scopeChanged(PROFILER, "ACTIVE", 2, false, scope);
        check(PROFILER, subject, "fraud_detection", "user.device.identifier")
                .body("decision", equalTo("DENY")).body("reason", equalTo("AUTOMATED_DECISIONS_NOT_AUTHORIZED"));
        check(PROFILER, subject, "personalization", "user.behavior.browsing")
                .body("decision", equalTo("DENY")).body("reason", equalTo("AUTOMATED_DECISIONS_NOT_AUTHORIZED"));
        check(PROFILER, subject, "payment_processing", "user.name").body("decision", equalTo("ALLOW"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    void aPartnerChecksOnlyForItself() {
        check(Fixtures.B, Fixtures.subject(), "analytics", "user.device.identifier", 403);
        check(Fixtures.A, Fixtures.subject(), "analytics", "user.device.identifier").body("decision", equalTo("DENY"));
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void officersCheckAnyPartnerAndMustNameIt() {
        String subject = Fixtures.subject();
        Fixtures.consent(Fixtures.B, subject, "analytics", "GRANTED", null, "user.device.identifier");
        check(Fixtures.B, subject, "analytics", "user.device.identifier").body("decision", equalTo("ALLOW"));
        check(null, subject, "analytics", "user.device.identifier", 400).body("errors.field", hasItem("partnerId"));
        check(Fixtures.UNKNOWN, subject, "analytics", "user.device.identifier")
                .body("decision", equalTo("DENY")).body("reason", equalTo("PARTNER_UNKNOWN"));
    }

    @Test
    @TestSecurity(user = "service-account-platform-services", roles = "platform-service")
    void platformServicesCheckForAnyPartner() {
        check(Fixtures.A, Fixtures.subject(), "analytics", "user.device.identifier").body("reason", equalTo("NO_CONSENT"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    void badCheckInputIsNamed() {
        check(null, "subj-x", "mind_reading", "user.soul", 400).body("errors.field", hasItem("purpose"))
                .body("errors.field", hasItem("category"));
        given().contentType(ContentType.JSON).body("{\"purpose\":\"analytics\",\"category\":\"user.device.identifier\"}")
                .post("/consents/check").then().statusCode(400).body("errors.field", hasItem("subjectId"));
        given().contentType(ContentType.JSON).body("{\"partnerId\":\"nope\",\"subjectId\":\"s\",\"purpose\":\"analytics\","
                + "\"category\":\"user.device.identifier\"}").post("/consents/check").then().statusCode(400)
                .body("errors.field", hasItem("partnerId"));
        given().contentType(ContentType.JSON).body("[").post("/consents/check").then().statusCode(400);
        given().contentType(ContentType.JSON).post("/consents/check").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "subj-check", roles = "data-subject")
    void dataSubjectsDoNotCheck() {
        check(Fixtures.A, "subj-check", "analytics", "user.device.identifier", 403);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsDoNotCheck() {
        check(Fixtures.A, "subj-check", "analytics", "user.device.identifier", 403);
    }

    @Test
    @TestSecurity
    void anonymousCallersCannotCheck() {
        check(Fixtures.A, "subj-check", "analytics", "user.device.identifier", 401);
    }

    static ValidatableResponse check(String partnerId, String subject, String purpose, String category) {
        return check(partnerId, subject, purpose, category, 200);
    }

    static ValidatableResponse check(String partnerId, String subject, String purpose, String category, int status) {
        String body = "{" + (partnerId == null ? "" : "\"partnerId\":\"" + partnerId + "\",") + "\"subjectId\":\""
                + subject + "\",\"purpose\":\"" + purpose + "\",\"category\":\"" + category + "\"}";
        ValidatableResponse response = given().contentType(ContentType.JSON).body(body).post("/consents/check").then()
                .statusCode(status);
        return status == 200 ? response.contentType(ContentType.JSON) : response.contentType("application/problem+json");
    }
}

package com.privacyplatform.consent.holders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.consent.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which partners and recorded third parties may hold a subject's data: dsr-service's fan-out list. */
@QuarkusTest
class HoldersTest {

    static final String SUBJECT = "subj-holders-1";
    static final String RECIPIENTS = "[{\"name\": \"Zhang San\", \"country\": \"CN\", \"kind\": \"PERSON\"},"
            + " {\"name\": \"Acme Logistics Ltd.\", \"country\": \"SG\", \"kind\": \"ORGANIZATION\"}]";

    @BeforeAll
    static void consents() {
        Fixtures.knownPartners();
        Fixtures.consent(Fixtures.A, SUBJECT, "analytics", "REVOKED", null, "user.device.identifier");
        Fixtures.consent(Fixtures.A, SUBJECT, "marketing.communications", "REFUSED", null, "user.contact.email");
        Fixtures.consent(Fixtures.B, SUBJECT, "third_party_sharing", "GRANTED", RECIPIENTS, "user.name");
        Fixtures.consent(Fixtures.A, "subj-holders-2", "analytics", "GRANTED", null, "user.device.identifier");
    }

    @Test
    @TestSecurity(user = "service-account-platform-services", roles = "platform-service")
    @Verifies(value = {"3.5.c.b", "3.2.d"}, exercises = {"HoldersResource#holders", "ConsentViewMapper#masked"})
    void platformServicesSeeEveryPartnerThatWasGrantedAndItsRecipientsMasked() {
        given().get("/subjects/" + SUBJECT + "/holders").then().statusCode(200)
                .body("subjectId", equalTo(SUBJECT))
                .body("holders", hasSize(2))
                .body("holders[0].partnerId", equalTo(Fixtures.A))
                .body("holders[0].partnerStatus", equalTo("ACTIVE"))
                .body("holders[0].activeConsent", equalTo(false))
                .body("holders[0].purposes", contains("analytics"))
                .body("holders[1].partnerId", equalTo(Fixtures.B))
                .body("holders[1].activeConsent", equalTo(true))
                .body("holders[1].recipients.name", contains("****", "Acme Logistics Ltd."));
        given().get("/subjects/subj-without-consents/holders").then().statusCode(200).body("holders", hasSize(0));
    }

    @Test
    @TestSecurity(user = SUBJECT, roles = "data-subject")
    @Verifies(value = {"3.5.c.b", "3.4.f"}, exercises = "HoldersResource#holders")
    void aSubjectLooksUpOnlyTheirOwnHoldersAndSeesThemInClear() {
        given().get("/subjects/" + SUBJECT + "/holders").then().statusCode(200)
                .body("holders[1].recipients.name", contains("Zhang San", "Acme Logistics Ltd."));
        given().get("/subjects/subj-holders-2/holders").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void officersLookUpAnySubject() {
        given().get("/subjects/subj-holders-2/holders").then().statusCode(200).body("holders", hasSize(1));
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsLookUpAnySubject() {
        given().get("/subjects/" + SUBJECT + "/holders").then().statusCode(200).body("holders", hasSize(2));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    void partnersDoNotLookUpHolders() {
        given().get("/subjects/" + SUBJECT + "/holders").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersDoNotLookUpHolders() {
        given().get("/subjects/" + SUBJECT + "/holders").then().statusCode(401);
    }
}

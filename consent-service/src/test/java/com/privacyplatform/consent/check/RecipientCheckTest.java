package com.privacyplatform.consent.check;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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

/**
 * The check about a disclosure: with a {@code recipient}, ALLOW only when the subject's decision
 * names that recipient (3.3.a) and, for a recipient abroad, while an APPROVED transfer to its
 * country covers the category (3.3.c); without one, the check answers as before.
 */
@QuarkusTest
class RecipientCheckTest {

    /** A CN partner with an approved transfer to DE for user.name, revoked by one test. */
    static final String DISCLOSER = "c0a5e000-0000-4000-8000-000000000411";
    private static final String ACME = "[{\"name\":\"Acme Logistics Ltd.\",\"country\":\"SG\",\"kind\":\"ORGANIZATION\"},"
            + "{\"name\":\"Beijing Couriers\",\"country\":\"CN\",\"kind\":\"ORGANIZATION\"}]";

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
        Registry.activate(DISCLOSER, 1, false, Map.of("third_party_sharing", new String[] {"user.name"}));
        Registry.transfersChanged(DISCLOSER, 1, Map.of("DE", new String[] {"user.name"}));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies(value = {"3.3.a", "3.3.a.a"}, exercises = {"CheckDecider#recipient", "CheckResource#check"})
    void aNamedRecipientIsAllowedAndAnyOtherIsDeniedNamingClause33a() {
        String subject = Fixtures.subject();
        String id = Fixtures.consent(Fixtures.A, subject, "third_party_sharing", "GRANTED", ACME, "user.name");
        check(subject, "user.name", "Acme Logistics Ltd.", 200)
                .body("decision", equalTo("ALLOW")).body("reason", equalTo("CONSENT_GRANTED"))
                .body("consentId", equalTo(id)).body("clause", nullValue());
        // case and outer spaces do not matter; a domestic recipient needs no transfer
        check(subject, "user.name", "  acme LOGISTICS ltd. ", 200).body("decision", equalTo("ALLOW"));
        check(subject, "user.name", "Beijing Couriers", 200).body("decision", equalTo("ALLOW"));
        check(subject, "user.name", "Data Brokers Inc.", 200)
                .body("decision", equalTo("DENY")).body("reason", equalTo("RECIPIENT_NOT_AUTHORIZED"))
                .body("clause", equalTo("3.3.a")).body("consentId", equalTo(id));
        // without a recipient the check answers about the partner's own processing, as before
        check(subject, "user.name", null, 200).body("decision", equalTo("ALLOW"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies("3.3.a")
    void aConsentNamingNoRecipientsAllowsNoDisclosureAndEarlierRulesComeFirst() {
        String subject = Fixtures.subject();
        Fixtures.consent(Fixtures.A, subject, "marketing.communications", "GRANTED", null, "user.contact.email");
        check(subject, "marketing.communications", "user.contact.email", "Acme Logistics Ltd.", 200)
                .body("decision", equalTo("DENY")).body("reason", equalTo("RECIPIENT_NOT_AUTHORIZED"));
        Fixtures.consent(Fixtures.A, subject, "third_party_sharing", "REVOKED", ACME, "user.name");
        check(subject, "user.name", "Acme Logistics Ltd.", 200)
                .body("decision", equalTo("DENY")).body("reason", equalTo("CONSENT_REVOKED"));
        check(subject, "third_party_sharing", "user.contact.address", "Acme Logistics Ltd.", 200)
                .body("reason", equalTo("CONSENT_REVOKED"));
    }

    @Test
    @TestSecurity(user = "partner-d", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = DISCLOSER))
    @Verifies(value = "3.3.c", exercises = {"PartnerEventsConsumer#transfersChanged", "CheckDecider#recipient"})
    void aRecipientAbroadIsDeniedOnceTheTransferToItsCountryIsRevoked() {
        String subject = Fixtures.subject();
        Fixtures.consent(DISCLOSER, subject, "third_party_sharing", "GRANTED",
                "[{\"name\":\"Berlin Hosting GmbH\",\"country\":\"DE\",\"kind\":\"ORGANIZATION\"}]", "user.name");
        check(subject, "user.name", "Berlin Hosting GmbH", 200).body("decision", equalTo("ALLOW"));

        Registry.transfersChanged(DISCLOSER, 2, Map.of()); // the registry revoked the transfer
        check(subject, "user.name", "Berlin Hosting GmbH", 200)
                .body("decision", equalTo("DENY")).body("reason", equalTo("TRANSFER_NOT_APPROVED"))
                .body("clause", equalTo("3.3.c"));
        // the partner's own processing is not a transfer
        check(subject, "user.name", null, 200).body("decision", equalTo("ALLOW"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    void aBlankOrOverlongRecipientIsNamedAsBadInput() {
        check("subj-x", "user.name", "   ", 400).body("errors.field", hasItem("recipient"));
        check("subj-x", "user.name", "x".repeat(201), 400).body("errors.field", hasItem("recipient"));
        given().contentType(ContentType.JSON).body("{\"subjectId\":\"subj-x\",\"purpose\":\"third_party_sharing\","
                + "\"category\":\"user.name\",\"recipient\":{\"name\":\"Acme\"}}").post("/consents/check")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    void officersCheckADisclosureOfAnyPartner() {
        String subject = Fixtures.subject();
        Fixtures.consent(Fixtures.A, subject, "third_party_sharing", "GRANTED", ACME, "user.name");
        given().contentType(ContentType.JSON).body("{\"partnerId\":\"" + Fixtures.A + "\",\"subjectId\":\"" + subject
                        + "\",\"purpose\":\"third_party_sharing\",\"category\":\"user.name\",\"recipient\":\"Data Brokers Inc.\"}")
                .post("/consents/check").then().statusCode(200).body("reason", equalTo("RECIPIENT_NOT_AUTHORIZED"));
    }

    @Test
    @TestSecurity(user = "subj-check", roles = "data-subject")
    void dataSubjectsDoNotCheckDisclosures() {
        check("subj-check", "user.name", "Acme Logistics Ltd.", 403);
    }

    @Test
    @TestSecurity
    void anonymousCallersCannotCheckDisclosures() {
        check("subj-check", "user.name", "Acme Logistics Ltd.", 401);
    }

    private static ValidatableResponse check(String subject, String category, String recipient, int status) {
        return check(subject, "third_party_sharing", category, recipient, status);
    }

    private static ValidatableResponse check(String subject, String purpose, String category, String recipient,
            int status) {
        String body = "{\"subjectId\":\"" + subject + "\",\"purpose\":\"" + purpose + "\",\"category\":\"" + category
                + "\"" + (recipient == null ? "" : ",\"recipient\":\"" + recipient + "\"") + "}";
        ValidatableResponse response = given().contentType(ContentType.JSON).body(body).post("/consents/check").then()
                .statusCode(status);
        return status == 200 ? response.contentType(ContentType.JSON) : response.contentType("application/problem+json");
    }
}

package com.privacyplatform.consent.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 3.3.c: a consent naming a recipient in another country than the partner's (CN) is recorded only
 * when an APPROVED transfer of the partner to that country covers the decision's categories, as the
 * registry's {@code partner.transfers-changed} events say; else 422 {@code transfer-required},
 * nothing stored, nothing published.
 */
@QuarkusTest
@TestSecurity(user = "partner-x", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = TransferAbroadTest.EXPORTER))
class TransferAbroadTest {

    /** A CN partner whose transfers the tests change; its first approved transfer: DE, user.name only. */
    static final String EXPORTER = "c0a5e000-0000-4000-8000-000000000401";
    /** A CN partner without transfers at first; the registry approves one, then revokes it. */
    static final String ROTATING = "c0a5e000-0000-4000-8000-000000000402";
    private static final String PROBLEMS = "https://privacy-platform.example/problems/";

    @BeforeAll
    static void exporter() {
        Registry.activate(EXPORTER, 1, false, Map.of("third_party_sharing",
                new String[] {"user.name", "user.contact.email", "user.contact.address"}));
        Registry.transfersChanged(EXPORTER, 1, Map.of("DE", new String[] {"user.name"}));
    }

    private static Fixtures.Body sharing(String subject, String recipientCountry, String... categories) {
        return Fixtures.body(subject).recipient("Recipient in " + recipientCountry, recipientCountry, "ORGANIZATION",
                null).purpose("third_party_sharing", true, categories);
    }

    private static ValidatableResponse record(Fixtures.Body body, int status) {
        return given().contentType(ContentType.JSON).body(body.json()).post("/consents").then().statusCode(status);
    }

    private static void nothingStoredFor(String subject) {
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE payload->>'subjectId' = ?", subject)).isZero();
    }

    @Test
    @Verifies(value = "3.3.c", exercises = "RecordRules#transfersForRecipientsAbroad")
    void aRecipientAbroadWithoutAnApprovedTransferToItsCountryIsRefusedNamingTheRecipient() {
        String subject = Fixtures.subject();
        record(sharing(subject, "US", "user.name"), 422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "transfer-required"))
                .body("clause", equalTo("3.3.c"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("recipients[0].country"))
                .body("errors[0].message", containsString("no APPROVED transfer to US"));
        nothingStoredFor(subject);
    }

    @Test
    @Verifies(value = "3.3.c", exercises = "RecordRules#transfersForRecipientsAbroad")
    void everyCategoryTheApprovedTransferDoesNotCoverIsNamed() {
        String subject = Fixtures.subject();
        record(sharing(subject, "DE", "user.name", "user.contact.email", "user.contact.address"), 422)
                .body("type", equalTo(PROBLEMS + "transfer-required"))
                .body("errors.field", containsInAnyOrder("purposes[0].categories[1]", "purposes[0].categories[2]"));
        nothingStoredFor(subject);
    }

    @Test
    @Verifies(value = "3.3.c", exercises = "RecordRules#transfersForRecipientsAbroad")
    void aDomesticRecipientNeedsNoTransferAndACoveredOneAbroadIsRecorded() {
        record(sharing(Fixtures.subject(), "CN", "user.name", "user.contact.email"), 201)
                .body("items[0].consent.recipients[0].country", equalTo("CN"));
        record(sharing(Fixtures.subject(), "DE", "user.name"), 201)
                .body("items[0].consent.recipients[0].country", equalTo("DE"))
                .body("items[0].consent.state", equalTo("GRANTED"));
    }

    @Test
    void aRefusalDisclosesNothingAndNeedsNoTransfer() {
        String subject = Fixtures.subject();
        record(Fixtures.body(subject).recipient("Recipient in US", "US", "ORGANIZATION", null)
                .purpose("third_party_sharing", false, "user.name"), 201)
                .body("items[0].consent.state", equalTo("REFUSED"));
    }

    @Test
    @TestSecurity(user = "partner-r", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ROTATING))
    @Verifies(value = "3.3.c", exercises = "PartnerEventsConsumer#transfersChanged")
    void aNewerApprovalAllowsWhatWasRefusedAndARevocationRefusesItAgainWhileOlderVersionsAreIgnored() {
        Registry.activate(ROTATING, 1, false, Map.of("third_party_sharing", new String[] {"user.name"}));
        record(sharing(Fixtures.subject(), "SG", "user.name"), 422)
                .body("type", equalTo(PROBLEMS + "transfer-required"));

        Registry.transfersChanged(ROTATING, 2, Map.of("SG", new String[] {"user.name"}));
        Registry.transfersChanged(ROTATING, 1, Map.of()); // late and older: ignored
        record(sharing(Fixtures.subject(), "SG", "user.name"), 201);

        Registry.transfersChanged(ROTATING, 4, Map.of()); // the transfer was revoked
        String subject = Fixtures.subject();
        record(sharing(subject, "SG", "user.name"), 422).body("errors[0].field", equalTo("recipients[0].country"));
        nothingStoredFor(subject);
        assertThat(TestDb.single("SELECT transfers_version FROM partner_projection WHERE partner_id = ?::uuid",
                ROTATING)).isEqualTo(4L);
    }
}

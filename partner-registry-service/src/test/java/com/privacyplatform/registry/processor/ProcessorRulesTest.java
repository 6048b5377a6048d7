package com.privacyplatform.registry.processor;

import static com.privacyplatform.registry.processor.RegistryFixtures.attestationBody;
import static com.privacyplatform.registry.processor.RegistryFixtures.of;
import static com.privacyplatform.registry.processor.RegistryFixtures.processorBody;
import static com.privacyplatform.registry.processor.RegistryFixtures.processorStatus;
import static com.privacyplatform.registry.processor.RegistryFixtures.processors;
import static com.privacyplatform.registry.processor.RegistryFixtures.reason;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 3.3.b (legitimate basis, scope inside the partner's, attestation) and 3.3.c (transfer abroad). */
@QuarkusTest
@TestSecurity(user = "olivia", roles = RegistryFixtures.OFFICER)
class ProcessorRulesTest {

    private static final String PROBLEMS = "https://privacy-platform.example/problems/";

    private static io.restassured.response.ValidatableResponse post(UUID partner, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/partners/" + partner + "/processors").then();
    }

    @Test
    @Verifies(value = "3.3.b", exercises = {"ProcessorRules#requireInsideScope", "ProcessorService#propose", "ProcessorResource#create"})
    void aProcessorOutsideThePartnersScopeIsRefusedNamingEachOffendingPurposeAndCategory() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        // customer_support allows name and email only; analytics is not permitted at all
        post(partner, processorBody("Insight Co.", "CN", "[\"customer_support\",\"analytics\"]",
                "[\"user.name\",\"user.financial.transaction\"]", "EXPRESS_CONSENT", null))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "processor-outside-scope"))
                .body("clause", equalTo("3.3.b"))
                .body("errors.field", containsInAnyOrder("categories[1]", "purposes[1]"))
                .body("errors.message", hasItem("user.financial.transaction is not permitted for purpose customer_support"));
        assertThat(processors(partner)).isZero();
    }

    @Test
    @Verifies(value = "3.3.b", exercises = {"ProcessorRules#requireLegitimateBasis", "ProcessorService#propose"})
    void plainConsentIsNotEnoughToEntrustProcessing() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        post(partner, processorBody("Consent Co.", "CN", "[\"payment_processing\"]", "[\"user.name\"]", "CONSENT",
                "users agreed")).statusCode(422)
                .body("type", equalTo(PROBLEMS + "legal-basis-required"))
                .body("clause", equalTo("3.3.b"))
                .body("errors[0].field", equalTo("legalBasis"));
        assertThat(processors(partner)).isZero();
    }

    @Test
    void aBasisOtherThanExpressConsentMustBeNamed() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        post(partner, processorBody("Basis Co.", "CN", "[\"payment_processing\"]", "[\"user.name\"]",
                "LEGITIMATE_INTERESTS", " ")).statusCode(422)
                .body("type", equalTo(PROBLEMS + "legal-basis-required"))
                .body("errors[0].field", equalTo("legalBasisDetail"));
        assertThat(processors(partner)).isZero();
        post(partner, processorBody("Basis Co.", "CN", "[\"payment_processing\"]", "[\"user.name\"]",
                "LEGAL_OBLIGATION", "Anti-money-laundering record keeping")).statusCode(201)
                .body("legalBasisDetail", equalTo("Anti-money-laundering record keeping"));
    }

    @Test
    void unknownTermsAndMalformedBodiesAre400AndCreateNothing() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        post(partner, processorBody("X Co.", "XX", "[\"payment_processing\",\"gossip\"]",
                "[\"user.name\",\"user.shoe_size\"]", "BECAUSE", null))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("country", "purposes[1]", "categories[1]", "legalBasis"));
        post(partner, processorBody("X Co.", "cn", "[\"payment_processing\"]", "[\"user.name\"]",
                "EXPRESS_CONSENT", null)).statusCode(400).body("errors.field", hasItem("country"));
        post(partner, "{\"name\":\"\",\"country\":\"CN\",\"purposes\":[],\"legalBasis\":\"EXPRESS_CONSENT\"}")
                .statusCode(400).body("errors.field", hasItems("name", "purposes", "categories"));
        post(partner, "{\"name\":\"X Co.\",\"country\":").statusCode(400).contentType("application/problem+json");
        post(partner, "{\"name\":\"X Co.\",\"country\":\"CN\",\"purposes\":\"payment_processing\"}")
                .statusCode(400).contentType("application/problem+json");
        assertThat(processors(partner)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'processor.proposed'"
                + " AND details LIKE ?", "%" + partner + "%")).isZero();
    }

    @Test
    void incompleteOrFutureAttestationsAre400AndChangeNothing() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID id = RegistryFixtures.processor(partner, "PROPOSED", "CN", of("payment_processing"), of("user.name"),
                false);
        String path = "/partners/" + partner + "/processors/" + id + "/attestation";
        given().contentType(ContentType.JSON).body("{\"attestedBy\":\" \",\"documentReference\":\"DMS-1\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItems("attestedBy", "attestedAt"));
        given().contentType(ContentType.JSON).body(attestationBody().replace("2026-01-15", "2999-01-15"))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("attestedAt"));
        given().contentType(ContentType.JSON).body(attestationBody().replace("2026-01-15T09:00:00Z", "yesterday"))
                .post(path).then().statusCode(400).contentType("application/problem+json");
        assertThat(TestDb.count("SELECT count(*) FROM partner_processor WHERE id = ? AND attested_by IS NULL", id))
                .isEqualTo(1);
    }

    @Test
    @Verifies(value = "3.3.c", exercises = {"ProcessorTransitions#approve", "ProcessorTransitions#requireTransfer", "ProcessorRules#requireTransfer"})
    void aProcessorAbroadBecomesActiveOnlyWithAnApprovedTransferCoveringItsCategories() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID id = RegistryFixtures.processor(partner, "PROPOSED", "DE", of("payment_processing"),
                of("user.name", "user.contact.email"), true);
        String approval = "/partners/" + partner + "/processors/" + id + "/approval";
        given().contentType(ContentType.JSON).body(reason("go")).post(approval).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "transfer-required"))
                .body("clause", equalTo("3.3.c"))
                .body("errors[0].field", equalTo("country"));
        // a pending or rejected transfer, or one to another country, does not count
        RegistryFixtures.transfer(partner, "PENDING_APPROVAL", "DE", "user.name", "user.contact.email");
        RegistryFixtures.transfer(partner, "REJECTED", "DE", "user.name", "user.contact.email");
        RegistryFixtures.transfer(partner, "APPROVED", "FR", "user.name", "user.contact.email");
        // an approved one that misses a category does not either, and the error names the category
        RegistryFixtures.transfer(partner, "APPROVED", "DE", "user.name");
        given().contentType(ContentType.JSON).body(reason("go")).post(approval).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "transfer-required"))
                .body("errors.field", containsInAnyOrder("categories[1]"));
        assertThat(processorStatus(id)).isEqualTo("PROPOSED");
        RegistryFixtures.transfer(partner, "APPROVED", "DE", "user.name", "user.contact.email", "user.health");
        given().contentType(ContentType.JSON).body(reason("transfer approved")).post(approval).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }
}

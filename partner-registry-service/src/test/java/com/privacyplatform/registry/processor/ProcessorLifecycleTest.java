package com.privacyplatform.registry.processor;

import static com.privacyplatform.registry.processor.RegistryFixtures.attestationBody;
import static com.privacyplatform.registry.processor.RegistryFixtures.auditEntries;
import static com.privacyplatform.registry.processor.RegistryFixtures.domesticProcessorBody;
import static com.privacyplatform.registry.processor.RegistryFixtures.of;
import static com.privacyplatform.registry.processor.RegistryFixtures.processorStatus;
import static com.privacyplatform.registry.processor.RegistryFixtures.processors;
import static com.privacyplatform.registry.processor.RegistryFixtures.reason;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.privacyplatform.api.clause.Verifies;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "olivia", roles = RegistryFixtures.OFFICER)
class ProcessorLifecycleTest {

    private static final String[] PAYMENT = of("payment_processing");
    private static final String[] NAME_EMAIL = of("user.name", "user.contact.email");

    static ExtractableResponse<Response> propose(UUID partner, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/partners/" + partner + "/processors")
                .then().extract();
    }

    @Test
    void anOfficerProposesAProcessorThatStartsProposedAndIsAudited() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(domesticProcessorBody("Payments Cloud Co.")).post("/partners/" + partner + "/processors")
                .then().statusCode(201)
                .header("ETag", notNullValue())
                .body("status", equalTo("PROPOSED"))
                .body("partnerId", equalTo(partner.toString()))
                .body("country", equalTo("CN"))
                .body("purposes", hasSize(1))
                .body("categories[1]", equalTo("user.contact.email"))
                .body("legalBasis", equalTo("EXPRESS_CONSENT"))
                .body("attestation", nullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/partners/" + partner + "/processors/" + id);
        given().get("/partners/" + partner + "/processors/" + id).then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("name", equalTo("Payments Cloud Co."));
        assertThat(auditEntries("processor.proposed", id)).isEqualTo(1);
    }

    @Test
    @Verifies(value = "3.3.b", exercises = {"ProcessorTransitions#approve", "ProcessorService#attest", "ProcessorLifecycleResource#attest", "ProcessorLifecycleResource#approve"})
    void anAttestedDomesticProcessorInsideTheScopeIsApproved() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        String id = propose(partner, domesticProcessorBody("Support Desk Ltd.")).path("id");
        String etag = given().contentType(ContentType.JSON).body(attestationBody())
                .post("/partners/" + partner + "/processors/" + id + "/attestation")
                .then().statusCode(200)
                .body("attestation.attestedBy", equalTo("DPO of the processor"))
                .body("attestation.attestedAt", equalTo("2026-01-15T09:00:00Z"))
                .body("attestation.documentReference", equalTo("DMS-2026-0042"))
                .extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(reason("DPA reviewed"))
                .post("/partners/" + partner + "/processors/" + id + "/approval")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("statusReason", equalTo("DPA reviewed"));
        assertThat(auditEntries("processor.attested", id)).isEqualTo(1);
        assertThat(auditEntries("processor.approved", id)).isEqualTo(1);
    }

    @Test
    @Verifies(value = {"3.3.b", "1.4"}, exercises = {"ProcessorRules#requireAttestation", "ProcessorLifecycleResource#approve"})
    void approvalWithoutAnAttestationIsRefusedAndChangesNothing() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID id = RegistryFixtures.processor(partner, "PROPOSED", "CN", PAYMENT, NAME_EMAIL, false);
        given().contentType(ContentType.JSON).body(reason("looks fine"))
                .post("/partners/" + partner + "/processors/" + id + "/approval")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://privacy-platform.example/problems/attestation-required"))
                .body("clause", equalTo("3.3.b"));
        assertThat(processorStatus(id)).isEqualTo("PROPOSED");
    }

    @Test
    void aProposedProcessorIsReplacedUnderIfMatchAndANewCountryClearsItsAttestation() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID id = RegistryFixtures.processor(partner, "PROPOSED", "CN", PAYMENT, NAME_EMAIL, true);
        String path = "/partners/" + partner + "/processors/" + id;
        String etag = given().get(path).then().statusCode(200).body("attestation", notNullValue())
                .extract().header("ETag");
        String moved = RegistryFixtures.processorBody("Fixture Processor", "HK", "[\"customer_support\"]",
                "[\"user.name\"]", "CONTRACT", "Support contract with the processor, 2026-10-01");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(moved).put(path)
                .then().statusCode(200)
                .body("country", equalTo("HK"))
                .body("purposes[0]", equalTo("customer_support"))
                .body("legalBasisDetail", equalTo("Support contract with the processor, 2026-10-01"))
                .body("attestation", nullValue());
        given().contentType(ContentType.JSON).header("If-Match", etag).body(moved).put(path)
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void anActiveProcessorCannotBeReplacedOrApprovedAgain() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID id = RegistryFixtures.processor(partner, "ACTIVE", "CN", PAYMENT, NAME_EMAIL, true);
        String path = "/partners/" + partner + "/processors/" + id;
        given().contentType(ContentType.JSON).body(domesticProcessorBody("Renamed Co.")).put(path)
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(reason("again")).post(path + "/approval").then().statusCode(409);
        given().get(path).then().body("name", equalTo("Fixture Processor " + id.toString().substring(24)));
    }

    @Test
    void withdrawalIsFinal() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID id = RegistryFixtures.processor(partner, "ACTIVE", "CN", PAYMENT, NAME_EMAIL, true);
        String path = "/partners/" + partner + "/processors/" + id;
        given().contentType(ContentType.JSON).body(reason("contract ended")).post(path + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().contentType(ContentType.JSON).body(reason("twice")).post(path + "/withdrawal").then().statusCode(409);
        given().contentType(ContentType.JSON).body(reason("back")).post(path + "/approval").then().statusCode(409);
        given().contentType(ContentType.JSON).body(attestationBody()).post(path + "/attestation").then().statusCode(409);
        assertThat(auditEntries("processor.withdrawn", id)).isEqualTo(1);
    }

    @Test
    void aTerminatedPartnerGetsNoNewProcessors() {
        UUID partner = RegistryFixtures.partner("TERMINATED", "CN");
        given().contentType(ContentType.JSON).body(domesticProcessorBody("Late Co."))
                .post("/partners/" + partner + "/processors")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(processors(partner)).isZero();
    }

    @Test
    void listsFilterByStatusAndPageWithACursor() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID first = RegistryFixtures.processor(partner, "PROPOSED", "CN", PAYMENT, NAME_EMAIL, false);
        UUID second = RegistryFixtures.processor(partner, "ACTIVE", "CN", PAYMENT, NAME_EMAIL, true);
        UUID third = RegistryFixtures.processor(partner, "PROPOSED", "CN", PAYMENT, NAME_EMAIL, false);
        assertThat(List.of(first, second, third)).isSorted(); // time-ordered ids: the list's order
        String path = "/partners/" + partner + "/processors";
        String cursor = given().queryParam("limit", 2).get(path).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(first.toString(), second.toString()))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().queryParam("limit", 2).queryParam("cursor", cursor).get(path).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(third.toString()))
                .body("nextCursor", nullValue());
        given().queryParam("status", "ACTIVE").get(path).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(second.toString()));
        given().queryParam("status", "active").get(path).then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().queryParam("cursor", "not-a-cursor!").get(path).then().statusCode(400);
        given().queryParam("limit", 501).get(path).then().statusCode(400);
    }

    @Test
    void aRetriedProposalWithTheSameIdempotencyKeyIsReplayed() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        String key = "proc-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(domesticProcessorBody("Retry Co.")).post("/partners/" + partner + "/processors")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(domesticProcessorBody("Retry Co.")).post("/partners/" + partner + "/processors")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(domesticProcessorBody("Another Co.")).post("/partners/" + partner + "/processors")
                .then().statusCode(422);
        assertThat(processors(partner)).isEqualTo(1);
    }
}

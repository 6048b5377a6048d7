package com.privacyplatform.registry.transfer;

import static com.privacyplatform.registry.processor.RegistryFixtures.auditEntries;
import static com.privacyplatform.registry.processor.RegistryFixtures.of;
import static com.privacyplatform.registry.processor.RegistryFixtures.reason;
import static com.privacyplatform.registry.processor.RegistryFixtures.transferStatus;
import static com.privacyplatform.registry.processor.RegistryFixtures.transfers;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.registry.processor.RegistryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 3.3.c: cross-border transfers and the compliance officer's decisions on them. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = RegistryFixtures.OFFICER)
class TransferLifecycleTest {

    static String body(String destination, String categories, String mechanism) {
        return "{\"destinationCountry\":\"" + destination + "\",\"recipient\":\"Cloud Hosting GmbH\","
                + "\"categories\":" + categories + ",\"legalMechanism\":\"" + mechanism + "\"}";
    }

    private static ValidatableResponse decide(UUID partner, Object transfer, String action, String ifMatch) {
        var request = given().contentType(ContentType.JSON).body(reason("decided"));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/partners/" + partner + "/transfers/" + transfer + "/" + action).then();
    }

    @Test
    @Verifies(value = "3.3.c", exercises = {"TransferService", "TransferResource#create", "TransferDecisionResource#approve"})
    void anOfficerRecordsATransferPendingApprovalAndApprovesItUnderIfMatch() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        var created = given().contentType(ContentType.JSON)
                .body(body("DE", "[\"user.name\",\"user.contact.email\",\"user.name\"]", "STANDARD_CONTRACT"))
                .post("/partners/" + partner + "/transfers")
                .then().statusCode(201)
                .header("ETag", notNullValue())
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("destinationCountry", equalTo("DE"))
                .body("recipient", equalTo("Cloud Hosting GmbH"))
                .body("categories", contains("user.name", "user.contact.email"))
                .body("legalMechanism", equalTo("STANDARD_CONTRACT"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/partners/" + partner + "/transfers/" + id);
        decide(partner, id, "approval", "\"999\"").statusCode(412);
        decide(partner, id, "approval", created.header("ETag")).statusCode(200)
                .body("status", equalTo("APPROVED")).body("statusReason", equalTo("decided"));
        assertThat(auditEntries("transfer.requested", id)).isEqualTo(1);
        assertThat(auditEntries("transfer.approved", id)).isEqualTo(1);
    }

    @Test
    void aRejectedTransferIsFinal() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID id = RegistryFixtures.transfer(partner, "PENDING_APPROVAL", "US", "user.name");
        decide(partner, id, "rejection", null).statusCode(200).body("status", equalTo("REJECTED"));
        decide(partner, id, "approval", null).statusCode(409).contentType("application/problem+json");
        decide(partner, id, "revocation", null).statusCode(409);
        assertThat(transferStatus(id)).isEqualTo("REJECTED");
    }

    @Test
    @Verifies(value = "3.3.c", exercises = "ProcessorTransferGuard")
    void aTransferThatAnActiveProcessorReliesOnCannotBeRevokedUntilTheProcessorIsWithdrawn() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID transfer = RegistryFixtures.transfer(partner, "APPROVED", "DE", "user.name", "user.contact.email");
        UUID processor = RegistryFixtures.processor(partner, "ACTIVE", "DE", of("payment_processing"),
                of("user.name"), true);
        decide(partner, transfer, "revocation", null).statusCode(409).contentType("application/problem+json")
                .body("clause", equalTo("3.3.c"))
                .body("errors[0].message", containsString(processor.toString()));
        assertThat(transferStatus(transfer)).isEqualTo("APPROVED");
        given().contentType(ContentType.JSON).body(reason("moved home"))
                .post("/partners/" + partner + "/processors/" + processor + "/withdrawal").then().statusCode(200);
        decide(partner, transfer, "revocation", null).statusCode(200).body("status", equalTo("REVOKED"));
        decide(partner, transfer, "revocation", null).statusCode(409);
        assertThat(auditEntries("transfer.revoked", transfer)).isEqualTo(1);
    }

    @Test
    void aTransferCanBeRevokedWhileAnotherApprovedTransferCoversTheProcessor() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID first = RegistryFixtures.transfer(partner, "APPROVED", "DE", "user.name");
        RegistryFixtures.transfer(partner, "APPROVED", "DE", "user.name", "user.contact.email");
        RegistryFixtures.processor(partner, "ACTIVE", "DE", of("payment_processing"), of("user.name"), true);
        decide(partner, first, "revocation", null).statusCode(200).body("status", equalTo("REVOKED"));
    }

    @Test
    @Verifies(value = "3.3.c", exercises = "TransferResource#create")
    void badTransfersAre400AndCreateNothing() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        String path = "/partners/" + partner + "/transfers";
        given().contentType(ContentType.JSON).body(body("XX", "[\"user.name\",\"user.shoe_size\"]", "HANDSHAKE"))
                .post(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("destinationCountry", "categories[1]", "legalMechanism"));
        given().contentType(ContentType.JSON).body(body("CN", "[\"user.name\"]", "STANDARD_CONTRACT"))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("destinationCountry"));
        given().contentType(ContentType.JSON).body("{\"destinationCountry\":\"DE\",\"categories\":[]}")
                .post(path).then().statusCode(400).body("errors.field", hasItems("recipient", "categories",
                        "legalMechanism"));
        given().contentType(ContentType.JSON).body("{\"destinationCountry\":").post(path)
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(transfers(partner)).isZero();
    }

    @Test
    void aTerminatedPartnerGetsNoNewOrNewlyApprovedTransfers() {
        UUID partner = RegistryFixtures.partner("TERMINATED", "CN");
        UUID pending = RegistryFixtures.transfer(partner, "PENDING_APPROVAL", "DE", "user.name");
        given().contentType(ContentType.JSON).body(body("DE", "[\"user.name\"]", "STANDARD_CONTRACT"))
                .post("/partners/" + partner + "/transfers").then().statusCode(409)
                .contentType("application/problem+json");
        decide(partner, pending, "approval", null).statusCode(409);
        assertThat(transfers(partner)).isEqualTo(1);
        assertThat(transferStatus(pending)).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void listsFilterByStatusAndDestination() {
        UUID partner = RegistryFixtures.partner("ACTIVE", "CN");
        UUID de = RegistryFixtures.transfer(partner, "APPROVED", "DE", "user.name");
        UUID us = RegistryFixtures.transfer(partner, "PENDING_APPROVAL", "US", "user.name");
        String path = "/partners/" + partner + "/transfers";
        given().get(path).then().statusCode(200).body("items.id", contains(de.toString(), us.toString()));
        given().queryParam("status", "PENDING_APPROVAL").get(path).then().statusCode(200)
                .body("items.id", contains(us.toString()));
        given().queryParam("destinationCountry", "DE").get(path).then().statusCode(200)
                .body("items.id", contains(de.toString()));
        given().queryParam("destinationCountry", "ZZ").get(path).then().statusCode(400);
        given().queryParam("status", "DONE").get(path).then().statusCode(400);
    }
}

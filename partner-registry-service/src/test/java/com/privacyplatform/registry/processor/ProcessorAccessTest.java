package com.privacyplatform.registry.processor;

import static com.privacyplatform.registry.processor.RegistryFixtures.PARTNER_A;
import static com.privacyplatform.registry.processor.RegistryFixtures.PARTNER_B;
import static com.privacyplatform.registry.processor.RegistryFixtures.attestationBody;
import static com.privacyplatform.registry.processor.RegistryFixtures.domesticProcessorBody;
import static com.privacyplatform.registry.processor.RegistryFixtures.of;
import static com.privacyplatform.registry.processor.RegistryFixtures.processorStatus;
import static com.privacyplatform.registry.processor.RegistryFixtures.processors;
import static com.privacyplatform.registry.processor.RegistryFixtures.reason;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 3.4.f: who may do what with processors; another partner's processor is 404, never 403. */
@QuarkusTest
class ProcessorAccessTest {

    private static final UUID A = UUID.fromString(PARTNER_A);
    private static UUID processorOfA;

    @BeforeAll
    static void seed() {
        RegistryFixtures.seedPartnersAAndB();
        processorOfA = RegistryFixtures.processor(A, "PROPOSED", "CN", of("payment_processing"), of("user.name"),
                false);
    }

    private static String pathOfA() {
        return "/partners/" + PARTNER_A + "/processors/" + processorOfA;
    }

    @Test
    @TestSecurity
    void anonymousCallersAre401() {
        given().get("/partners/" + PARTNER_A + "/processors").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(domesticProcessorBody("Anon Co."))
                .post("/partners/" + PARTNER_A + "/processors").then().statusCode(401);
        given().contentType(ContentType.JSON).body(reason("x")).post(pathOfA() + "/approval").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void dataSubjectsAre403() {
        long before = processors(A);
        given().get("/partners/" + PARTNER_A + "/processors").then().statusCode(403)
                .contentType("application/problem+json");
        given().get(pathOfA()).then().statusCode(403);
        given().contentType(ContentType.JSON).body(domesticProcessorBody("Subject Co."))
                .post("/partners/" + PARTNER_A + "/processors").then().statusCode(403);
        given().contentType(ContentType.JSON).body(reason("x")).post(pathOfA() + "/withdrawal").then().statusCode(403);
        assertThat(processors(A)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsReadButCannotWrite() {
        long before = processors(A);
        given().get("/partners/" + PARTNER_A + "/processors").then().statusCode(200)
                .body("items.id", hasItem(processorOfA.toString()));
        given().get(pathOfA()).then().statusCode(200).body("status", equalTo("PROPOSED"));
        given().contentType(ContentType.JSON).body(domesticProcessorBody("Auditor Co."))
                .post("/partners/" + PARTNER_A + "/processors").then().statusCode(403);
        given().contentType(ContentType.JSON).body(domesticProcessorBody("Auditor Co.")).put(pathOfA())
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(attestationBody()).post(pathOfA() + "/attestation")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(reason("x")).post(pathOfA() + "/approval").then().statusCode(403);
        given().contentType(ContentType.JSON).body(reason("x")).post(pathOfA() + "/withdrawal").then().statusCode(403);
        assertThat(processors(A)).isEqualTo(before);
        assertThat(processorStatus(processorOfA)).isEqualTo("PROPOSED");
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = PARTNER_A))
    void aPartnerProposesAttestsAndWithdrawsItsOwnProcessorsButCannotApproveThem() {
        String id = given().contentType(ContentType.JSON).body(domesticProcessorBody("Own Co."))
                .post("/partners/" + PARTNER_A + "/processors").then().statusCode(201).extract().path("id");
        String path = "/partners/" + PARTNER_A + "/processors/" + id;
        given().contentType(ContentType.JSON).body(attestationBody()).post(path + "/attestation").then().statusCode(200);
        given().contentType(ContentType.JSON).body(reason("self-approved")).post(path + "/approval")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/partners/" + PARTNER_A + "/processors").then().statusCode(200)
                .body("items.partnerId", everyItem(equalTo(PARTNER_A)));
        given().contentType(ContentType.JSON).body(reason("not needed")).post(path + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ? AND actor = ?", id,
                "partner:" + PARTNER_A)).isEqualTo(3);
    }

    @Test
    @TestSecurity(user = "partner-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = PARTNER_B))
    @Verifies("3.4.f")
    void anotherPartnersProcessorsAre404() {
        long before = processors(A);
        given().get("/partners/" + PARTNER_A + "/processors").then().statusCode(404)
                .body("type", equalTo("https://privacy-platform.example/problems/not-found"));
        given().get(pathOfA()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(domesticProcessorBody("Intruder Co."))
                .post("/partners/" + PARTNER_A + "/processors").then().statusCode(404);
        given().contentType(ContentType.JSON).body(domesticProcessorBody("Intruder Co.")).put(pathOfA())
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(attestationBody()).post(pathOfA() + "/attestation")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(reason("x")).post(pathOfA() + "/withdrawal").then().statusCode(404);
        // nor through its own partner path
        given().get("/partners/" + PARTNER_B + "/processors/" + processorOfA).then().statusCode(404);
        given().contentType(ContentType.JSON).body(reason("x"))
                .post("/partners/" + PARTNER_B + "/processors/" + processorOfA + "/withdrawal").then().statusCode(404);
        assertThat(processors(A)).isEqualTo(before);
        assertThat(processorStatus(processorOfA)).isEqualTo("PROPOSED");
    }
}

package com.privacyplatform.registry.transfer;

import static com.privacyplatform.registry.processor.RegistryFixtures.PARTNER_A;
import static com.privacyplatform.registry.processor.RegistryFixtures.PARTNER_B;
import static com.privacyplatform.registry.processor.RegistryFixtures.reason;
import static com.privacyplatform.registry.processor.RegistryFixtures.transferStatus;
import static com.privacyplatform.registry.processor.RegistryFixtures.transfers;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.privacyplatform.registry.processor.RegistryFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 3.4.f: who may do what with transfers; another partner's transfer is 404, never 403. */
@QuarkusTest
class TransferAccessTest {

    private static final UUID A = UUID.fromString(PARTNER_A);
    private static final String BODY = TransferLifecycleTest.body("SG", "[\"user.name\"]", "STANDARD_CONTRACT");
    private static UUID transferOfA;

    @BeforeAll
    static void seed() {
        RegistryFixtures.seedPartnersAAndB();
        transferOfA = RegistryFixtures.transfer(A, "PENDING_APPROVAL", "SG", "user.name");
    }

    private static String pathOfA() {
        return "/partners/" + PARTNER_A + "/transfers/" + transferOfA;
    }

    @Test
    @TestSecurity
    void anonymousCallersAre401() {
        given().get("/partners/" + PARTNER_A + "/transfers").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(BODY).post("/partners/" + PARTNER_A + "/transfers")
                .then().statusCode(401);
        given().contentType(ContentType.JSON).body(reason("x")).post(pathOfA() + "/approval").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void dataSubjectsAre403() {
        long before = transfers(A);
        given().get(pathOfA()).then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(BODY).post("/partners/" + PARTNER_A + "/transfers")
                .then().statusCode(403);
        assertThat(transfers(A)).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsReadButCannotWriteOrDecide() {
        long before = transfers(A);
        given().get("/partners/" + PARTNER_A + "/transfers").then().statusCode(200)
                .body("items.id", hasItem(transferOfA.toString()));
        given().get(pathOfA()).then().statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
        given().contentType(ContentType.JSON).body(BODY).post("/partners/" + PARTNER_A + "/transfers")
                .then().statusCode(403);
        for (String action : new String[] {"approval", "rejection", "revocation"}) {
            given().contentType(ContentType.JSON).body(reason("x")).post(pathOfA() + "/" + action)
                    .then().statusCode(403);
        }
        assertThat(transfers(A)).isEqualTo(before);
        assertThat(transferStatus(transferOfA)).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = PARTNER_A))
    void aPartnerRecordsItsOwnTransfersButCannotDecideOnThem() {
        String id = given().contentType(ContentType.JSON).body(BODY).post("/partners/" + PARTNER_A + "/transfers")
                .then().statusCode(201).body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
        given().get("/partners/" + PARTNER_A + "/transfers/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).body(reason("self-approved"))
                .post("/partners/" + PARTNER_A + "/transfers/" + id + "/approval")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(transferStatus(UUID.fromString(id))).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    @TestSecurity(user = "partner-b", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = PARTNER_B))
    void anotherPartnersTransfersAre404() {
        long before = transfers(A);
        given().get("/partners/" + PARTNER_A + "/transfers").then().statusCode(404);
        given().get(pathOfA()).then().statusCode(404)
                .body("type", equalTo("https://privacy-platform.example/problems/not-found"));
        given().get("/partners/" + PARTNER_B + "/transfers/" + transferOfA).then().statusCode(404);
        given().contentType(ContentType.JSON).body(BODY).post("/partners/" + PARTNER_A + "/transfers")
                .then().statusCode(404);
        assertThat(transfers(A)).isEqualTo(before);
    }
}

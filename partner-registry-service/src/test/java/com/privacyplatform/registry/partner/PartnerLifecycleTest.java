package com.privacyplatform.registry.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.testing.EventTap;
import com.privacyplatform.registry.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PENDING -> ACTIVE -> SUSPENDED <-> ACTIVE -> TERMINATED, with reasons, events and 409s. */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class PartnerLifecycleTest {

    private static final String REASON = "{\"reason\":\"reviewed by the compliance office\"}";

    @Test
    void thePartnerWalksItsWholeLifecycleAndEachStepIsAnEventAfterCommit() {
        UUID id = Fixtures.partner("PENDING", true);
        Fixtures.scope(id, "payment_processing", "user.name", "user.financial.bank_account");
        try (EventTap events = new EventTap("partner.#")) {
            move(id, "activation").then().statusCode(200).body("status", equalTo("ACTIVE"));
            move(id, "suspension").then().statusCode(200).body("status", equalTo("SUSPENDED"));
            move(id, "reinstatement").then().statusCode(200).body("status", equalTo("ACTIVE"));
            move(id, "termination").then().statusCode(200).body("status", equalTo("TERMINATED"))
                    .body("statusReason", equalTo("reviewed by the compliance office"));

            List<JsonNode> received = events.forSubject(id.toString(), 4, Duration.ofSeconds(20));
            assertThat(received).extracting(e -> e.get("type").asText()).containsExactly("partner.activated",
                    "partner.suspended", "partner.reinstated", "partner.terminated");
            JsonNode activated = received.get(0).get("data");
            assertThat(activated.get("partnerId").asText()).isEqualTo(id.toString());
            assertThat(activated.get("scope").get(0).get("purpose").asText()).isEqualTo("payment_processing");
            assertThat(activated.get("scope").get(0).get("categories")).hasSize(2);
            assertThat(received.get(3).get("data").get("reason").asText()).isEqualTo("reviewed by the compliance office");
            assertThat(received.get(3).get("source").asText()).isEqualTo("/partner-registry-service");
        }
        given().get("/partners/" + id + "/status-history").then().statusCode(200)
                .body("", hasSize(4))
                .body("[0].from", equalTo("PENDING")).body("[0].to", equalTo("ACTIVE"))
                .body("[3].to", equalTo("TERMINATED")).body("[3].actor", equalTo("user:olivia"));
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ?"
                + " AND action = 'partner.status-changed'", id.toString())).isEqualTo(4);
    }

    @Test
    @Verifies("3.4.d")
    void activationWithoutASecurityOfficerIsRefusedNamingClause34dAndEmitsNothing() {
        UUID id = Fixtures.partner("PENDING", false);
        move(id, "activation").then().statusCode(422)
                .body("clause", equalTo("3.4.d"))
                .body("type", equalTo("https://privacy-platform.example/problems/security-officer-required"));
        assertThat(TestDb.single("SELECT status FROM partner WHERE id = ?::uuid", id.toString())).isEqualTo("PENDING");
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE subject = ?", id.toString())).isZero();
    }

    @Test
    void illegalTransitionsAreConflicts() {
        UUID pending = Fixtures.partner("PENDING", true);
        move(pending, "suspension").then().statusCode(409);
        move(pending, "reinstatement").then().statusCode(409);
        move(pending, "termination").then().statusCode(409);
        UUID active = Fixtures.partner("ACTIVE", true);
        move(active, "activation").then().statusCode(409);
        move(active, "reinstatement").then().statusCode(409);
        UUID terminated = Fixtures.partner("TERMINATED", true);
        for (String action : new String[] {"activation", "suspension", "reinstatement", "termination"}) {
            move(terminated, action).then().statusCode(409).contentType("application/problem+json");
        }
        assertThat(TestDb.count("SELECT count(*) FROM partner_status_change WHERE partner_id IN (?::uuid, ?::uuid,"
                + " ?::uuid)", pending.toString(), active.toString(), terminated.toString())).isZero();
    }

    @Test
    void aTransitionNeedsAReason() {
        UUID id = Fixtures.partner("ACTIVE", true);
        given().contentType(ContentType.JSON).body("{\"reason\":\"  \"}").post("/partners/" + id + "/suspension")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).post("/partners/" + id + "/suspension").then().statusCode(400);
        assertThat(TestDb.single("SELECT status FROM partner WHERE id = ?::uuid", id.toString())).isEqualTo("ACTIVE");
    }

    @Test
    void aStaleIfMatchIsRefused() {
        UUID id = Fixtures.partner("ACTIVE", true);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(REASON)
                .post("/partners/" + id + "/suspension").then().statusCode(412);
        String etag = given().get("/partners/" + id).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(REASON)
                .post("/partners/" + id + "/suspension").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = PartnerReadTest.A))
    void aPartnerCannotChangeItsOwnStatus() {
        given().contentType(ContentType.JSON).body(REASON).post("/partners/" + PartnerReadTest.A + "/suspension")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsCannotChangeStatus() {
        UUID id = Fixtures.partner("ACTIVE", true);
        move(id, "suspension").then().statusCode(403);
    }

    @Test
    void unknownPartnersAre404() {
        move(UUID.randomUUID(), "suspension").then().statusCode(404);
    }

    private static io.restassured.response.Response move(UUID id, String action) {
        return given().contentType(ContentType.JSON).body(REASON).post("/partners/" + id + "/" + action);
    }
}

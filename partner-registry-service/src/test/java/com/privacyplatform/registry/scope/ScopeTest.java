package com.privacyplatform.registry.scope;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Permitted scope (3.1.a-b, 3.2.a) and the platform's authorization for purposes that profile (3.2.c). */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class ScopeTest {

    private static final String SCOPE = "{\"entries\":[{\"purpose\":\"payment_processing\",\"categories\":"
            + "[\"user.name\",\"user.financial.bank_account\"]},{\"purpose\":\"customer_support\",\"categories\":"
            + "[\"user.device.identifier\"]}]}";
    /** A non-profiling purpose and the three purposes the vocabulary flags as profiling (3.2.c). */
    private static final String PROFILING = "{\"entries\":[{\"purpose\":\"payment_processing\",\"categories\":"
            + "[\"user.name\"]},{\"purpose\":\"fraud_detection\",\"categories\":[\"user.device.identifier\"]},"
            + "{\"purpose\":\"personalization\",\"categories\":[\"user.behavior.browsing\"]},"
            + "{\"purpose\":\"automated_decision_making\",\"categories\":[\"user.financial.credit\"]}]}";

    @BeforeAll
    static void knownPartners() {
        Fixtures.knownPartners();
    }

    @Test
    @Verifies(value = {"3.1.a", "3.1.b", "3.2.a"}, exercises = {"ScopeResource#replace", "ScopeService#replace"})
    void anOfficerReplacesTheScopeAndTheChangeIsPublishedInFull() {
        UUID id = Fixtures.partner("ACTIVE", true);
        try (EventTap events = new EventTap("partner.scope-changed")) {
            given().contentType(ContentType.JSON).body(SCOPE).put("/partners/" + id + "/scope")
                    .then().statusCode(200)
                    .body("scopeVersion", equalTo(1))
                    .body("entries", hasSize(2))
                    .body("entries[0].purpose", equalTo("customer_support"))
                    .body("entries[1].categories", hasSize(2));
            List<JsonNode> received = events.forSubject(id.toString(), 1, Duration.ofSeconds(20));
            assertThat(received).hasSize(1);
            JsonNode data = received.get(0).get("data");
            assertThat(data.get("scopeVersion").asInt()).isEqualTo(1);
            assertThat(data.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(data.get("automatedDecisionAuthorized").asBoolean()).isFalse();
            assertThat(data.get("scope")).hasSize(2);
        }
        assertThat(TestDb.count("SELECT count(*) FROM partner_scope_entry WHERE partner_id = ?::uuid", id.toString()))
                .isEqualTo(3);
    }

    @Test
    @Verifies(value = "3.1.b", exercises = {"ScopeResource#replace", "ScopeService#replace"})
    void unknownPurposesAndCategoriesAreNamedAndChangeNothing() {
        UUID id = Fixtures.partner("ACTIVE", true);
        Fixtures.scope(id, "payment_processing", "user.name");
        given().contentType(ContentType.JSON)
                .body("{\"entries\":[{\"purpose\":\"mind_reading\",\"categories\":[\"user.name\",\"user.soul\"]}]}")
                .put("/partners/" + id + "/scope")
                .then().statusCode(400)
                .body("errors.field", hasItem("entries[0].purpose"))
                .body("errors.field", hasItem("entries[0].categories[1]"));
        given().contentType(ContentType.JSON).body("{\"entries\":[{\"purpose\":\"analytics\",\"categories\":[]}]}")
                .put("/partners/" + id + "/scope").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").put("/partners/" + id + "/scope").then().statusCode(400);
        assertThat(TestDb.count("SELECT count(*) FROM partner_scope_entry WHERE partner_id = ?::uuid", id.toString()))
                .isEqualTo(1);
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE subject = ?", id.toString())).isZero();
    }

    @Test
    @Verifies(value = "3.2.c", exercises = {"ScopeResource#authorize", "ScopeService#authorizeAutomatedDecisions", "ScopeService#requireAuthorizedForProfiling"})
    void automatedDecisionMakingNeedsThePlatformsAuthorization() {
        UUID id = Fixtures.partner("ACTIVE", true);
        String adm = "{\"entries\":[{\"purpose\":\"automated_decision_making\",\"categories\":[\"user.financial.credit\"]}]}";
        given().contentType(ContentType.JSON).body(adm).put("/partners/" + id + "/scope")
                .then().statusCode(422).body("clause", equalTo("3.2.c"));

        given().contentType(ContentType.JSON).body("{\"authorized\":true,\"reason\":\"model reviewed\"}")
                .put("/partners/" + id + "/automated-decision-authorization")
                .then().statusCode(200).body("automatedDecisionAuthorized", equalTo(true));
        given().contentType(ContentType.JSON).body(adm).put("/partners/" + id + "/scope")
                .then().statusCode(200).body("entries[0].purpose", equalTo("automated_decision_making"));

        given().contentType(ContentType.JSON).body("{\"authorized\":false,\"reason\":\"model withdrawn\"}")
                .put("/partners/" + id + "/automated-decision-authorization")
                .then().statusCode(200).body("automatedDecisionAuthorized", equalTo(false))
                .body("entries", hasSize(0));
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE target_id = ? AND action LIKE"
                + " 'partner.automated-decisions-%'", id.toString())).isEqualTo(2);
    }

    @Test
    @Verifies(value = "3.2.c", exercises = {"ScopeResource#authorize", "ScopeService#authorizeAutomatedDecisions"})
    void everyPurposeThatProfilesNeedsTheAuthorizationAndNothingChangesWithoutIt() {
        UUID id = Fixtures.partner("ACTIVE", true);
        Fixtures.scope(id, "payment_processing", "user.name");
        given().contentType(ContentType.JSON).body(PROFILING).put("/partners/" + id + "/scope")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://privacy-platform.example/problems/automated-decisions-not-authorized"))
                .body("clause", equalTo("3.2.c"))
                .body("errors.field", containsInAnyOrder("entries[1].purpose", "entries[2].purpose", "entries[3].purpose"));
        for (String purpose : new String[] {"fraud_detection", "personalization"}) {
            given().contentType(ContentType.JSON).body("{\"entries\":[{\"purpose\":\"" + purpose
                            + "\",\"categories\":[\"user.device.identifier\"]}]}").put("/partners/" + id + "/scope")
                    .then().statusCode(422).body("clause", equalTo("3.2.c"))
                    .body("errors[0].message", containsString(purpose));
        }
        assertThat(TestDb.count("SELECT count(*) FROM partner_scope_entry WHERE partner_id = ?::uuid", id.toString()))
                .isEqualTo(1);
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE subject = ?", id.toString())).isZero();
    }

    @Test
    @Verifies(value = "3.2.c", exercises = "ScopeService#requireAuthorizedForProfiling")
    void withdrawingTheAuthorizationRemovesEveryProfilingPurposeAndPublishesTheNarrowerScope() {
        UUID id = Fixtures.partner("ACTIVE", true);
        given().contentType(ContentType.JSON).body("{\"authorized\":true,\"reason\":\"fraud and credit models reviewed\"}")
                .put("/partners/" + id + "/automated-decision-authorization").then().statusCode(200);
        given().contentType(ContentType.JSON).body(PROFILING).put("/partners/" + id + "/scope").then().statusCode(200)
                .body("entries.purpose", containsInAnyOrder("payment_processing", "fraud_detection", "personalization",
                        "automated_decision_making"));
        try (EventTap events = new EventTap("partner.scope-changed")) {
            given().contentType(ContentType.JSON).body("{\"authorized\":false,\"reason\":\"models no longer reviewed\"}")
                    .put("/partners/" + id + "/automated-decision-authorization").then().statusCode(200)
                    .body("automatedDecisionAuthorized", equalTo(false))
                    .body("entries.purpose", contains("payment_processing"));
            List<JsonNode> received = events.forSubject(id.toString(), 1, Duration.ofSeconds(20));
            JsonNode data = received.get(0).get("data");
            assertThat(data.get("automatedDecisionAuthorized").asBoolean()).isFalse();
            assertThat(data.get("scope").toString()).contains("payment_processing").doesNotContain("fraud_detection",
                    "personalization", "automated_decision_making");
        }
        assertThat(TestDb.count("SELECT count(*) FROM partner_scope_entry WHERE partner_id = ?::uuid AND purpose IN"
                + " ('fraud_detection', 'personalization', 'automated_decision_making')", id.toString())).isZero();
    }

    @Test
    void theAuthorizationNeedsADecisionAndAReason() {
        UUID id = Fixtures.partner("ACTIVE", true);
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .put("/partners/" + id + "/automated-decision-authorization").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"authorized\":true}")
                .put("/partners/" + id + "/automated-decision-authorization").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"authorized\":\"perhaps\",\"reason\":\"x\"}")
                .put("/partners/" + id + "/automated-decision-authorization").then().statusCode(400);
    }

    @Test
    void aTerminatedPartnersScopeIsClosed() {
        UUID id = Fixtures.partner("TERMINATED", true);
        given().contentType(ContentType.JSON).body(SCOPE).put("/partners/" + id + "/scope").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies("3.4.f")
    void aPartnerReadsItsOwnScopeOnly() {
        given().get("/partners/" + Fixtures.A + "/scope").then().statusCode(200);
        given().get("/partners/" + Fixtures.B + "/scope").then().statusCode(404);
        given().contentType(ContentType.JSON).body(SCOPE).put("/partners/" + Fixtures.A + "/scope")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsReadButDoNotWrite() {
        given().get("/partners/" + Fixtures.A + "/scope").then().statusCode(200);
        given().contentType(ContentType.JSON).body(SCOPE).put("/partners/" + Fixtures.A + "/scope")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"authorized\":true,\"reason\":\"x\"}")
                .put("/partners/" + Fixtures.A + "/automated-decision-authorization").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersAreUnauthenticated() {
        given().get("/partners/" + Fixtures.A + "/scope").then().statusCode(401);
    }
}

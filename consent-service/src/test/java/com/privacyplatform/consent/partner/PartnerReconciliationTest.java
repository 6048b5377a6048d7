package com.privacyplatform.consent.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.consent.support.Registry;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap client against a FAKE registry: a tiny Vert.x HTTP server started by this test that
 * serves two snapshot pages in the registry's format. Used only to test the client's paging,
 * token and parsing; the token itself is real (client credentials of platform-services at Keycloak).
 */
@QuarkusTest
class PartnerReconciliationTest {

    static final String FRESH = "c0a5e000-0000-4000-8000-000000000301";
    static final String ENDED = "c0a5e000-0000-4000-8000-000000000302";
    static final String NEWER = "c0a5e000-0000-4000-8000-000000000303";

    @Inject
    PartnerReconciliation bootstrap;

    static final String DRIFTED = "c0a5e000-0000-4000-8000-000000000304";
    static final String LOST = "c0a5e000-0000-4000-8000-000000000305";

    @Inject
    Vertx vertx;

    @Test
    @TestSecurity(user = "officer", roles = Roles.OFFICER)
    @Verifies(value = "3.2.a", exercises = {"CheckResource#check"})
    void rowsLostFromTheProjectionComeBackAndTheCheckAnswersAsBefore() throws Throwable {
        Registry.activate(DRIFTED, 2, false, Map.of("payment_processing", new String[] {"user.name"}));
        Registry.activate(LOST, 1, false, Map.of("analytics", new String[] {"user.device.identifier"}));
        String subject = Fixtures.subject();
        Fixtures.consent(DRIFTED, subject, "payment_processing", "GRANTED", null, "user.name");
        check(DRIFTED, subject).body("decision", equalTo("ALLOW"));
        String page = "{\"items\":[" + snapshot(DRIFTED, "ACTIVE", 2, "[{\"purpose\":\"payment_processing\","
                + "\"categories\":[\"user.name\"]}]", "") + "," + snapshot(LOST, "ACTIVE", 1, "[{\"purpose\":"
                + "\"analytics\",\"categories\":[\"user.device.identifier\"]}]", "") + "],\"nextCursor\":null}";
        HttpServer registry = vertx.createHttpServer().requestHandler(request -> request.response()
                        .putHeader("Content-Type", "application/json").end(page))
                .listen(0).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        URI uri = URI.create("http://localhost:" + registry.actualPort());
        try {
            // the projection agrees with the registry: nothing to repair
            assertThat(VertxContextSupport.subscribeAndAwait(() -> bootstrap.reconcileFrom(uri)).repaired()).isZero();

            // drift: one partner's scope rows lost under an unchanged version, another partner's row lost
            TestDb.execute("DELETE FROM partner_scope WHERE partner_id = '" + DRIFTED + "'",
                    "DELETE FROM partner_scope WHERE partner_id = '" + LOST + "'",
                    "DELETE FROM partner_transfer WHERE partner_id = '" + LOST + "'",
                    "DELETE FROM partner_projection WHERE partner_id = '" + LOST + "'");
            check(DRIFTED, subject).body("decision", equalTo("DENY")).body("reason", equalTo("OUT_OF_SCOPE"));

            PartnerReconciliation.Result repaired = VertxContextSupport.subscribeAndAwait(() -> bootstrap.reconcileFrom(uri));
            assertThat(repaired.repaired()).isEqualTo(2);
            assertThat(repaired.partners()).isEqualTo(2);
        } finally {
            registry.close();
        }
        check(DRIFTED, subject).body("decision", equalTo("ALLOW")).body("reason", equalTo("CONSENT_GRANTED"));
        assertThat(TestDb.rows("SELECT status, scope_version FROM partner_projection WHERE partner_id = ?::uuid", LOST))
                .containsExactly(List.of("ACTIVE", 1));
        assertThat(TestDb.count("SELECT count(*) FROM partner_scope WHERE partner_id = ?::uuid", LOST)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "officer", roles = Roles.OFFICER)
    void theOfficerSeesTheProjectionAndARunWithoutARegistryIsRefused() {
        // the test profile configures no registry: the projection is fed by events only and counts as built
        given().get("/projections/consent-partners").then().statusCode(200).body("projection", equalTo("consent-partners"))
                .body("built", equalTo(true)).body("sourceConfigured", equalTo(false));
        given().post("/projections/consent-partners/reconciliation").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    void partnersCannotSeeOrRunReconciliations() {
        given().get("/projections/consent-partners").then().statusCode(403);
        given().post("/projections/consent-partners/reconciliation").then().statusCode(403);
    }

    @Test
    void anonymousCallersAreRefused() {
        given().get("/projections/consent-partners").then().statusCode(401);
        given().post("/projections/consent-partners/reconciliation").then().statusCode(401);
    }

    private static ValidatableResponse check(String partnerId, String subject) {
        return given().contentType(ContentType.JSON).body("{\"partnerId\":\"" + partnerId + "\",\"subjectId\":\""
                + subject + "\",\"purpose\":\"payment_processing\",\"category\":\"user.name\"}")
                .post("/consents/check").then().statusCode(200);
    }

    @Test
    void theBootstrapReadsEveryPageWithAServiceTokenAndKeepsNewerEventState() throws Throwable {
        Registry.activate(NEWER, 5, false, Map.of("analytics", new String[] {"user.device.identifier"}));
        Registry.transfersChanged(NEWER, 3, Map.of("US", new String[] {"user.device.identifier"}));
        String consent = Fixtures.consent(ENDED, Fixtures.subject(), "analytics", "GRANTED", null,
                "user.device.identifier");
        List<String> authorizations = new CopyOnWriteArrayList<>();
        List<String> cursors = new CopyOnWriteArrayList<>();
        HttpServer registry = vertx.createHttpServer().requestHandler(request -> {
            authorizations.add(request.getHeader("Authorization"));
            String cursor = request.getParam("cursor");
            cursors.add(String.valueOf(cursor));
            String page = cursor == null
                    ? "{\"items\":[" + snapshot(FRESH, "ACTIVE", 2, "[{\"purpose\":\"payment_processing\","
                            + "\"categories\":[\"user.name\"]}]", transfers(2, "DE")) + ","
                            + snapshot(NEWER, "ACTIVE", 4, "[]", transfers(1, "SG")) + "],\"nextCursor\":\"page-2\"}"
                    // a registry that predates transfers in snapshots: no transfer fields at all
                    : "{\"items\":[" + snapshot(ENDED, "TERMINATED", 1, "[]", "") + "],\"nextCursor\":null}";
            request.response().putHeader("Content-Type", "application/json").end(page);
        }).listen(0).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        try {
            PartnerReconciliation.Result result = VertxContextSupport.subscribeAndAwait(() ->
                    bootstrap.reconcileFrom(URI.create("http://localhost:" + registry.actualPort())));
            assertThat(result.partners()).isEqualTo(3);
        } finally {
            registry.close();
        }

        assertThat(cursors).containsExactly("null", "page-2");
        assertThat(authorizations).allSatisfy(a -> assertThat(a).startsWith("Bearer ey"));
        assertThat(TestDb.rows("SELECT status, scope_version FROM partner_projection WHERE partner_id = ?::uuid", FRESH))
                .containsExactly(List.of("ACTIVE", 2));
        assertThat(TestDb.count("SELECT count(*) FROM partner_scope WHERE partner_id = ?::uuid", FRESH)).isEqualTo(1);
        // the snapshot's scope version 4 is older than the event's 5: the event's scope stays
        assertThat(TestDb.single("SELECT scope_version FROM partner_projection WHERE partner_id = ?::uuid", NEWER))
                .isEqualTo(5);
        assertThat(TestDb.single("SELECT status FROM partner_projection WHERE partner_id = ?::uuid", ENDED))
                .isEqualTo("TERMINATED");
        // 3.3.c: the snapshot's approved transfers, unless an event already brought a newer version
        assertThat(TestDb.rows("SELECT destination_country, array_to_string(categories, ',') FROM partner_transfer"
                + " WHERE partner_id = ?::uuid", FRESH)).containsExactly(List.of("DE", "user.name"));
        assertThat(TestDb.rows("SELECT destination_country FROM partner_transfer WHERE partner_id = ?::uuid", NEWER))
                .containsExactly(List.of("US"));
        assertThat(TestDb.single("SELECT transfers_version FROM partner_projection WHERE partner_id = ?::uuid", NEWER))
                .isEqualTo(3L);
        assertThat(TestDb.count("SELECT count(*) FROM partner_transfer WHERE partner_id = ?::uuid", ENDED)).isZero();
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", consent)).isEqualTo("REVOKED");
    }

    private static String snapshot(String id, String status, int scopeVersion, String scope, String transfers) {
        return "{\"partnerId\":\"" + id + "\",\"oidcClientId\":\"client-" + id.substring(30) + "\",\"jurisdiction\":\"CN\","
                + "\"status\":\"" + status + "\",\"scopeVersion\":" + scopeVersion + ",\"scope\":" + scope
                + ",\"automatedDecisionAuthorized\":false,\"updatedAt\":\"" + Instant.now() + "\"" + transfers + "}";
    }

    private static String transfers(long version, String country) {
        return ",\"transfersVersion\":" + version + ",\"transfers\":[{\"transferId\":\"" + java.util.UUID.randomUUID()
                + "\",\"destinationCountry\":\"" + country + "\",\"categories\":[\"user.name\"]}]";
    }
}

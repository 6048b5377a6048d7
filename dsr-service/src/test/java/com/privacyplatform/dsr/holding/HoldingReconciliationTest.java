package com.privacyplatform.dsr.holding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.dsr.support.Publish;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.2: the holdings projection reconciled with consent-service's holdings feed. The feed is
 * a tiny Vert.x HTTP server of this test serving pages in consent-service's format; the token is
 * real (platform-services' client credentials at Keycloak) and the projection is the real table.
 */
@QuarkusTest
class HoldingReconciliationTest {

    @Inject
    HoldingReconciliation reconciliation;

    @Inject
    Vertx vertx;

    @Test
    void lostEventsAndLostRowsAreRepairedFromTheFeedAndARunWithoutDriftRepairsNothing() throws Throwable {
        UUID partner = UUID.randomUUID();
        String subject = "subj-" + UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID revoked = UUID.randomUUID();
        UUID neverAnnounced = UUID.randomUUID();
        Publish.consentGranted(kept, partner, subject, "payment_processing", List.of("user.name"), List.of(), "CN");
        Publish.consentGranted(revoked, partner, subject, "marketing.communications", List.of("user.contact.email"),
                List.of(Publish.recipient("Parcel Co", "SG")), "CN");
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDb.count(
                "SELECT count(*) FROM consent_holding WHERE consent_id IN (?::uuid, ?::uuid)", kept.toString(),
                revoked.toString()) == 2);

        // the feed: the first as announced, the second revoked since (its event lost), a third never announced
        Instant at = Instant.now();
        String page = "{\"items\":[" + holding(kept, partner, subject, "payment_processing", "\"user.name\"", "", "ACTIVE", null)
                + "," + holding(revoked, partner, subject, "marketing.communications", "\"user.contact.email\"",
                        "{\"name\":\"Parcel Co\",\"country\":\"SG\",\"kind\":\"ORGANIZATION\"}", "REVOKED", at)
                + "],\"nextCursor\":\"page-2\"}";
        String page2 = "{\"items\":[" + holding(neverAnnounced, partner, subject, "analytics",
                "\"user.device.identifier\"", "", "ACTIVE", null) + "],\"nextCursor\":null}";
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer feed = vertx.createHttpServer().requestHandler(request -> {
            authorizations.add(request.getHeader("Authorization"));
            request.response().putHeader("Content-Type", "application/json")
                    .end(request.getParam("cursor") == null ? page : page2);
        }).listen(0).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        URI uri = URI.create("http://localhost:" + feed.actualPort());
        try {
            assertThat(reconcile(uri)).isEqualTo(2);
            assertThat(authorizations).allSatisfy(a -> assertThat(a).startsWith("Bearer ey"));
            assertThat(status(revoked)).isEqualTo("REVOKED");
            assertThat(status(neverAnnounced)).isEqualTo("ACTIVE");
            assertThat(status(kept)).isEqualTo("ACTIVE");

            // nothing drifted since: nothing to repair
            assertThat(reconcile(uri)).isZero();

            // a row lost from the projection comes back as the feed has it
            TestDb.execute("DELETE FROM consent_holding WHERE consent_id = '" + kept + "'");
            assertThat(reconcile(uri)).isEqualTo(1);
            assertThat(TestDb.rows("SELECT status, purpose, array_to_string(categories, ','), jurisdiction, subject_id"
                    + " FROM consent_holding WHERE consent_id = ?::uuid", kept.toString()))
                    .containsExactly(List.of("ACTIVE", "payment_processing", "user.name", "CN", subject));
        } finally {
            feed.close();
        }
    }

    @Test
    @TestSecurity(user = "officer", roles = Roles.OFFICER)
    void theOfficerSeesTheProjectionAndARunWithoutAFeedIsRefused() {
        // the test profile configures no feed: the projection is fed by events only and counts as built
        given().get("/projections/dsr-holdings").then().statusCode(200).body("projection", equalTo("dsr-holdings"))
                .body("built", equalTo(true)).body("sourceConfigured", equalTo(false));
        given().post("/projections/dsr-holdings/reconciliation").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    void partnersCannotSeeOrRunReconciliations() {
        given().get("/projections/dsr-holdings").then().statusCode(403);
        given().post("/projections/dsr-holdings/reconciliation").then().statusCode(403);
    }

    @Test
    void anonymousCallersAreRefused() {
        given().get("/projections/dsr-holdings").then().statusCode(401);
        given().post("/projections/dsr-holdings/reconciliation").then().statusCode(401);
    }

    private int reconcile(URI uri) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> reconciliation.reconcileFrom(uri));
    }

    private static Object status(UUID consentId) {
        return TestDb.single("SELECT status FROM consent_holding WHERE consent_id = ?::uuid", consentId.toString());
    }

    private static String holding(UUID id, UUID partner, String subject, String purpose, String categories,
            String recipient, String status, Instant endedAt) {
        return "{\"consentId\":\"" + id + "\",\"partnerId\":\"" + partner + "\",\"subjectId\":\"" + subject
                + "\",\"purpose\":\"" + purpose + "\",\"categories\":[" + categories + "],\"recipients\":[" + recipient
                + "],\"jurisdiction\":\"CN\",\"method\":null,\"collectedAt\":null,\"grantedAt\":\"" + Instant.now()
                + "\",\"status\":\"" + status + "\",\"endedAt\":" + (endedAt == null ? "null" : "\"" + endedAt + "\"")
                + ",\"endedByRequestId\":null}";
    }
}

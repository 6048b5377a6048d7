package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.gateway.guard.PartnerControls;
import com.privacyplatform.gateway.routing.PartnerRoutes;
import com.privacyplatform.gateway.guard.ProjectionBootstrap;
import com.privacyplatform.gateway.guard.RestrictionProjection;
import com.privacyplatform.testing.TestBroker;
import com.privacyplatform.testing.TestDb;
import com.privacyplatform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The restrictions projection bootstrap (3.4.j, 4.6) against real PostgreSQL, RabbitMQ and
 * Keycloak (the platform-services token): the test database is fresh at every start (Flyway clean),
 * so what {@link SnapshotSources} held before start is exactly what a new gateway must enforce
 * before any event. Events applied after a snapshot was read are never undone by it.
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SnapshotSources.class, restrictToAnnotatedClass = false)
class GatewayProjectionBootstrapTest {

    /** A data route (closed to a restricted partner, PartnerRoutes) that the echo upstream answers. */
    static final String DATA_ROUTE = "/api/partner-directory";

    private static final String A = "2b9ab027-cb68-523d-81ec-293ae3eaf63b";

    @Inject
    RestrictionProjection projection;

    @Inject
    ProjectionBootstrap bootstrap;

    /** Prometheus on the management interface (issue 15.3). */
    @TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;

    @AfterEach
    void restoreSources() throws Throwable {
        SnapshotSources.reset();
        run(bootstrap::syncRegistry);
        run(bootstrap::syncBreach);
    }

    @Test
    @Verifies(value = "3.4.j", exercises = {"ProjectionBootstrap#syncRegistry", "ProjectionBootstrap#syncBreach"})
    void aFreshGatewayEnforcesWhatWasDecidedBeforeItStartedWithoutAnyEvent() {
        PartnerControls controls = projection.controls();
        assertThat(controls.isSynced()).isTrue();
        assertThat(controls.verdict(UUID.fromString(SnapshotSources.SUSPENDED_BEFORE_START), Instant.now()))
                .isInstanceOfSatisfying(PartnerControls.Block.class, b -> assertThat(b.slug())
                        .isEqualTo("partner-suspended"));
        assertThat(controls.verdict(UUID.fromString(SnapshotSources.CLOSED_BEFORE_START), Instant.now()))
                .isInstanceOfSatisfying(PartnerControls.Block.class, b -> assertThat(b.slug())
                        .isEqualTo("interface-closed"));
        assertThat(TestDb.single("SELECT status FROM gateway_partner_status WHERE partner_id = ?::uuid",
                SnapshotSources.SUSPENDED_BEFORE_START)).isEqualTo("SUSPENDED");
        // 3.5.d: a terminated partner keeps its duty routes until the registry reports its deletions complete
        UUID withDuties = UUID.fromString(SnapshotSources.TERMINATED_WITH_DUTIES);
        UUID discharged = UUID.fromString(SnapshotSources.TERMINATED_DISCHARGED);
        assertThat(controls.verdict(withDuties, Instant.now(), PartnerRoutes.Use.DUTY))
                .isInstanceOf(PartnerControls.Allow.class);
        assertThat(controls.verdict(withDuties, Instant.now(), PartnerRoutes.Use.DATA))
                .isInstanceOf(PartnerControls.Block.class);
        assertThat(controls.verdict(discharged, Instant.now(), PartnerRoutes.Use.DUTY))
                .isInstanceOfSatisfying(PartnerControls.Block.class, b -> assertThat(b.clause()).isEqualTo("3.5.d"));
        assertThat(TestDb.count("SELECT count(*) FROM gateway_partner_discharge WHERE partner_id = ?::uuid",
                SnapshotSources.TERMINATED_DISCHARGED)).isEqualTo(1);
        assertThat(TestDb.count("SELECT count(*) FROM gateway_partner_discharge WHERE partner_id = ?::uuid",
                SnapshotSources.TERMINATED_WITH_DUTIES)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM gateway_restriction WHERE order_id = ?::uuid AND active",
                SnapshotSources.CLOSURE_ORDER)).isEqualTo(1);
        // the lifted order the snapshot does not list as active is not enforced
        assertThat(TestDb.count("SELECT count(*) FROM gateway_restriction WHERE order_id ="
                + " '019ac2f1-0000-7000-8000-0000000000d2'")).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM gateway_projection_sync")).isEqualTo(2);
        assertThat(SnapshotSources.AUTHORIZATIONS).isNotEmpty(); // a real platform-services token was sent
    }

    @Test
    void officersAndAuditorsSeeWhatTheGatewayEnforcesOthersDoNot() {
        given().auth().oauth2(Tokens.user("olivia")).get("/api/gateway/restrictions").then().statusCode(200)
                .body("synced", equalTo(true))
                .body("partners.find { it.partnerId == '" + SnapshotSources.SUSPENDED_BEFORE_START + "' }.status",
                        equalTo("SUSPENDED"))
                .body("activeOrders.orderId", hasItem(SnapshotSources.CLOSURE_ORDER));
        given().auth().oauth2(Tokens.user("aaron")).get("/api/gateway/restrictions").then().statusCode(200);
        given().auth().oauth2(Tokens.partner("partner-demo-a")).get("/api/gateway/restrictions").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("alice")).get("/api/gateway/restrictions").then().statusCode(403);
        given().get("/api/gateway/restrictions").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("garbage").get("/api/gateway/restrictions").then().statusCode(401);
    }

    @Test
    void anOfficerReconcilesOnRequestAndTheRepairedDriftIsCountedOthersMayNot() {
        String a = Tokens.partner("partner-demo-a");
        String olivia = Tokens.user("olivia");
        assertThat(status(a)).isEqualTo(200);
        // the suspension's event never arrived: the reconciliation on request repairs it and says so
        SnapshotSources.PARTNERS.set(0, SnapshotSources.partner(A, "SUSPENDED", Instant.now()));
        given().auth().oauth2(olivia).post("/api/gateway/restrictions/reconciliation").then().statusCode(200)
                .body("projection", equalTo("gateway-restrictions"))
                .body("registry.items", equalTo(SnapshotSources.PARTNERS.size())).body("registry.repaired", equalTo(1))
                .body("breach.repaired", equalTo(0));
        assertThat(status(a)).isEqualTo(403);
        given().get(metrics).then().statusCode(200).body(org.hamcrest.Matchers.matchesPattern(
                "(?s).*platform_projection_drift_repaired_total\\{projection=\"gateway-restrictions\"\\} [1-9].*"));
        // the reinstatement's event is lost too: repaired the same way; then nothing has drifted
        SnapshotSources.PARTNERS.set(0, SnapshotSources.partner(A, "ACTIVE", Instant.now()));
        given().auth().oauth2(olivia).post("/api/gateway/restrictions/reconciliation").then().statusCode(200)
                .body("registry.repaired", equalTo(1));
        assertThat(status(a)).isEqualTo(200);
        given().auth().oauth2(olivia).post("/api/gateway/restrictions/reconciliation").then().statusCode(200)
                .body("registry.repaired", equalTo(0));

        given().auth().oauth2(Tokens.user("aaron")).post("/api/gateway/restrictions/reconciliation").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(a).post("/api/gateway/restrictions/reconciliation").then().statusCode(403);
        given().post("/api/gateway/restrictions/reconciliation").then().statusCode(401);
        given().auth().oauth2(olivia).get("/api/gateway/restrictions/reconciliation").then().statusCode(405)
                .header("Allow", "POST");
    }

    @Test
    @Verifies(value = {"3.4.j", "4.6", "3.5.d"}, exercises = "ProjectionBootstrap#reconcileNow")
    void aReconciliationReadsBothSourcesWithOneTokenAndChangesNothingWhileEitherIsDown() {
        String a = Tokens.partner("partner-demo-a");
        String olivia = Tokens.user("olivia");
        assertThat(status(a)).isEqualTo(200);
        // the suspension's event never arrived, and breach-service is down: nothing is applied
        SnapshotSources.PARTNERS.set(0, SnapshotSources.partner(A, "SUSPENDED", Instant.now()));
        SnapshotSources.DOWN.add("/emergency-orders");
        int asked = SnapshotSources.AUTHORIZATIONS.size();
        given().auth().oauth2(olivia).post("/api/gateway/restrictions/reconciliation").then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("the projection is unchanged"));
        List<String> tokens = List.copyOf(
                SnapshotSources.AUTHORIZATIONS.subList(asked, SnapshotSources.AUTHORIZATIONS.size()));
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(2).containsOnly(tokens.get(0)); // one token for both reads
        assertThat(status(a)).isEqualTo(200);

        // back: both read again and applied
        SnapshotSources.DOWN.clear();
        given().auth().oauth2(olivia).post("/api/gateway/restrictions/reconciliation").then().statusCode(200)
                .body("registry.repaired", equalTo(1)).body("breach.repaired", equalTo(0));
        assertThat(status(a)).isEqualTo(403);

        // reinstated (a newer fact: the reset's older snapshot would not undo the suspension for later tests)
        SnapshotSources.PARTNERS.set(0, SnapshotSources.partner(A, "ACTIVE", Instant.now()));
        given().auth().oauth2(olivia).post("/api/gateway/restrictions/reconciliation").then().statusCode(200)
                .body("registry.repaired", equalTo(1));
        assertThat(status(a)).isEqualTo(200);
    }

    @Test
    void aStatusSnapshotNeverUndoesALaterEventButRepairsAMissedOne() throws Throwable {
        String a = Tokens.partner("partner-demo-a");
        publish("partner.suspended", A, "{\"partnerId\":\"" + A + "\",\"from\":\"ACTIVE\",\"to\":\"SUSPENDED\","
                + "\"reason\":\"audit finding overdue\",\"at\":\"" + Instant.now() + "\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 403);

        // a snapshot read before the suspension (older updatedAt) arrives afterwards: still suspended
        SnapshotSources.PARTNERS.set(0, SnapshotSources.partner(A, "ACTIVE", Instant.now().minus(1, ChronoUnit.MINUTES)));
        assertThat(run(bootstrap::syncRegistry)).isEqualTo(SnapshotSources.PARTNERS.size());
        assertThat(status(a)).isEqualTo(403);

        // the reinstatement's event got lost: the next snapshot (newer) repairs it
        SnapshotSources.PARTNERS.set(0, SnapshotSources.partner(A, "ACTIVE", Instant.now()));
        run(bootstrap::syncRegistry);
        assertThat(status(a)).isEqualTo(200);
        assertThat(TestDb.single("SELECT status FROM gateway_partner_status WHERE partner_id = ?::uuid", A))
                .isEqualTo("ACTIVE");
    }

    @Test
    void anEndedOrderStaysEndedAndAnOrderMissingFromTheSnapshotHasEnded() throws Throwable {
        String a = Tokens.partner("partner-demo-a");
        String listed = UUID.randomUUID().toString();
        SnapshotSources.ORDERS.add(SnapshotSources.order(listed, A, "TEMPORARY_CLOSURE"));
        run(bootstrap::syncBreach);
        assertThat(status(a)).isEqualTo(403);

        // lifted: the event ends it; a snapshot read before the lift must not bring it back
        publish("partner.interface-restored", A, "{\"orderId\":\"" + listed + "\",\"partnerId\":\"" + A
                + "\",\"kind\":\"TEMPORARY_CLOSURE\",\"reason\":\"LIFTED\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 200);
        run(bootstrap::syncBreach);
        assertThat(status(a)).isEqualTo(200);

        // an end that arrives before its start (never seen) is remembered: the start is ignored
        String endedFirst = UUID.randomUUID().toString();
        publish("partner.interface-restored", A, "{\"orderId\":\"" + endedFirst + "\",\"partnerId\":\"" + A
                + "\",\"kind\":\"DATA_ACCESS_SUSPENSION\",\"reason\":\"EXPIRED\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDb.count(
                "SELECT count(*) FROM gateway_restriction WHERE order_id = ?::uuid AND NOT active", endedFirst) == 1);
        SnapshotSources.ORDERS.add(SnapshotSources.order(endedFirst, A, "DATA_ACCESS_SUSPENSION"));
        run(bootstrap::syncBreach);
        assertThat(status(a)).isEqualTo(200);

        // an order known from its event, then lifted while the gateway missed the event: the
        // snapshot no longer lists it, so it has ended
        String missed = UUID.randomUUID().toString();
        publish("partner.interface-restricted", A, "{\"orderId\":\"" + missed + "\",\"partnerId\":\"" + A
                + "\",\"kind\":\"TEMPORARY_CLOSURE\",\"reason\":\"suspected leak\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 403);
        run(bootstrap::syncBreach);
        assertThat(status(a)).isEqualTo(200);
        assertThat(TestDb.count("SELECT count(*) FROM gateway_restriction WHERE order_id = ?::uuid AND NOT active",
                missed)).isEqualTo(1);
    }

    @Test
    @Verifies(value = {"3.4.j", "4.6", "3.5.d"}, exercises = "ProjectionBootstrap#sync")
    void bothSnapshotsAreReadAtOnceWithOneTokenAndASourceThatIsDownDoesNotHoldTheOtherBack() throws Throwable {
        String a = Tokens.partner("partner-demo-a");
        String closure = UUID.randomUUID().toString();
        // both changed at the sources: A suspended (registry, which is down) and closed (breach, up)
        SnapshotSources.PARTNERS.set(0, SnapshotSources.partner(A, "SUSPENDED", Instant.now()));
        SnapshotSources.ORDERS.add(SnapshotSources.order(closure, A, "TEMPORARY_CLOSURE"));
        SnapshotSources.DOWN.add("/partner-snapshots");
        int asked = SnapshotSources.AUTHORIZATIONS.size();
        run(() -> bootstrap.sync(true, true));

        List<String> tokens = SnapshotSources.AUTHORIZATIONS.subList(asked, SnapshotSources.AUTHORIZATIONS.size());
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(2).containsOnly(tokens.get(0)); // one token for both reads
        assertThat(TestDb.count("SELECT count(*) FROM gateway_restriction WHERE order_id = ?::uuid AND active",
                closure)).isEqualTo(1);
        assertThat(TestDb.single("SELECT status FROM gateway_partner_status WHERE partner_id = ?::uuid", A))
                .isEqualTo("ACTIVE");

        // the registry is back: its snapshot is applied on the next attempt
        SnapshotSources.DOWN.clear();
        run(() -> bootstrap.sync(true, false));
        assertThat(TestDb.single("SELECT status FROM gateway_partner_status WHERE partner_id = ?::uuid", A))
                .isEqualTo("SUSPENDED");
        assertThat(status(a)).isEqualTo(403);

        // reinstated and the closure lifted (a newer fact: the reset's older snapshot would not undo the
        // suspension for later tests)
        SnapshotSources.PARTNERS.set(0, SnapshotSources.partner(A, "ACTIVE", Instant.now()));
        SnapshotSources.ORDERS.removeIf(order -> closure.equals(order.getString("id")));
        run(() -> bootstrap.sync(true, true));
        assertThat(status(a)).isEqualTo(200);
    }

    private static <T> T run(Supplier<Uni<T>> sync) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(sync::get);
    }

    private static int status(String token) {
        return given().auth().oauth2(token).get(DATA_ROUTE).statusCode();
    }

    private static void publish(String type, String subject, String data) throws Exception {
        try (TestBroker broker = new TestBroker()) {
            broker.publish(type, CloudEventCodec.encode(UUID.randomUUID(), type, "/test", subject,
                    OffsetDateTime.now(ZoneOffset.UTC), data));
        }
    }
}

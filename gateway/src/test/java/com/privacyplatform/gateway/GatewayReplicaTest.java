package com.privacyplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.gateway.config.GatewayConfig;
import com.privacyplatform.gateway.guard.ControlsListener;
import com.privacyplatform.gateway.guard.OtherReplica;
import com.privacyplatform.gateway.guard.RestrictionProjection;
import com.privacyplatform.testing.TestDb;
import com.privacyplatform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several gateway replicas share one queue and one database, and each event reaches only one of
 * them (3.4.j): a change another replica writes into the projection reaches this replica through
 * PostgreSQL (NOTIFY gateway_controls at commit, LISTEN here, reload of the partner) - no event
 * reaches this replica's consumer, and the listener's counters show that the notification, not a
 * reconnect or the periodic resync (10 minutes), carried it. After a lost LISTEN connection, what
 * changed meanwhile is enforced after the reconnect.
 */
@QuarkusTest
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
class GatewayReplicaTest {

    /** A data route (closed to a restricted partner, PartnerRoutes) that the echo upstream answers. */
    static final String DATA_ROUTE = "/api/partner-directory";

    private static final String A = "2b9ab027-cb68-523d-81ec-293ae3eaf63b";
    private static final UUID PARTNER_A = UUID.fromString(A);
    /** How long the tests wait for a change to show; far below the resync interval (10 minutes). */
    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    @Inject
    EventConsumer consumer;

    @Inject
    GatewayConfig config;

    @Inject
    Pool pool;

    @Inject
    PlatformClock clock;

    @Inject
    ControlsListener listener;

    @Inject
    RestrictionProjection projection;

    @AfterEach
    void reinstate() throws Throwable {
        new OtherReplica(consumer, config, pool, clock).status(PARTNER_A, "ACTIVE", Instant.now());
        String a = Tokens.partner("partner-demo-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 200);
    }

    @Test
    @Verifies(value = {"3.4.j", "4.6"}, exercises = {"ControlsListener#onSubscribed", "ControlsListener#onNotify", "PartnerControls#verdict"})
    void aSuspensionAnotherReplicaConsumedBlocksThePartnerHereAtOnce() throws Throwable {
        String a = Tokens.partner("partner-demo-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 200);
        long reloads = listener.partnerReloads();
        long subscriptions = listener.subscriptions();
        long fullReloads = listener.fullReloads();

        OtherReplica other = new OtherReplica(consumer, config, pool, clock);
        other.status(PARTNER_A, "SUSPENDED", Instant.now());

        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(50)).until(() -> status(a) == 403);
        given().auth().oauth2(a).get(DATA_ROUTE).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://privacy-platform.example/problems/partner-suspended"));
        given().auth().oauth2(Tokens.partner("partner-demo-b")).get(DATA_ROUTE).then().statusCode(200);
        assertThat(listener.partnerReloads()).isGreaterThan(reloads); // by the notification ...
        assertThat(listener.subscriptions()).isEqualTo(subscriptions); // ... not by a reconnect's full reload
        assertThat(listener.fullReloads()).isEqualTo(fullReloads); // ... nor by a resync

        // the other replica reinstates: this one lets the partner in again, as promptly
        other.status(PARTNER_A, "ACTIVE", Instant.now());
        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(50)).until(() -> status(a) == 200);
    }

    @Test
    @Verifies(value = "3.4.j", exercises = {"ControlsListener#onSubscribed", "ControlsListener#onNotify", "PartnerControls#verdict"})
    void anEmergencyClosureAnotherReplicaConsumedClosesTheInterfaceHereAndItsLiftReopensIt() throws Throwable {
        String a = Tokens.partner("partner-demo-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 200);
        OtherReplica other = new OtherReplica(consumer, config, pool, clock);
        UUID order = UUID.randomUUID();

        other.restrict(PARTNER_A, order, "TEMPORARY_CLOSURE");
        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(50)).until(() -> status(a) == 403);
        given().auth().oauth2(a).get(DATA_ROUTE).then().statusCode(403)
                .body("clause", equalTo("3.4.j"))
                .body("type", equalTo("https://privacy-platform.example/problems/interface-closed"));
        given().auth().oauth2(Tokens.user("olivia")).get("/api/gateway/restrictions").then().statusCode(200)
                .body("activeOrders.find { it.orderId == '" + order + "' }.partnerId", equalTo(A));

        other.restore(PARTNER_A, order);
        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(50)).until(() -> status(a) == 200);
    }

    @Test
    void aRolledBackChangeReachesNoReplica() throws Throwable {
        String a = Tokens.partner("partner-demo-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 200);
        OtherReplica other = new OtherReplica(consumer, config, pool, clock);
        // PostgreSQL delivers notifications in commit order on the one LISTEN connection: once a
        // committed marker's change has been applied here, every notification sent before it has been
        markerApplied(other); // nothing earlier is still on its way
        long reloads = listener.partnerReloads();
        try (Connection c = TestDb.connect()) {
            c.setAutoCommit(false);
            suspend(c, Instant.now());
            c.rollback();
        }
        markerApplied(other); // anything the rolled-back transaction could have sent would be here now
        assertThat(listener.partnerReloads()).isEqualTo(reloads + 1); // the marker's reload only
        assertThat(status(a)).isEqualTo(200);
    }

    @Test
    @Verifies("3.4.j")
    void aChangeMadeWhileTheListenConnectionWasLostIsEnforcedAfterTheReconnect() throws Throwable {
        String a = Tokens.partner("partner-demo-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(a) == 200);
        long subscriptions = listener.subscriptions();
        long fullReloads = listener.fullReloads();
        Object before = listenerPid();
        assertThat(before).isNotNull();

        try (Connection c = TestDb.connect()) {
            // the database drops the LISTEN connection (as on a failover or a network cut) and the
            // suspension commits while nobody listens (reconnect-delay 2 s in %test): its
            // notification is lost for good
            try (PreparedStatement kill = c.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
                kill.setObject(1, before);
                try (ResultSet rs = kill.executeQuery()) {
                    assertThat(rs.next() && rs.getBoolean(1)).isTrue();
                }
            }
            c.setAutoCommit(false);
            assertThat(listeners(c)).isZero();
            suspend(c, Instant.now());
            assertThat(listeners(c)).isZero();
            c.commit();
        }

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> status(a) == 403);
        given().auth().oauth2(a).get(DATA_ROUTE).then().statusCode(403)
                .body("type", equalTo("https://privacy-platform.example/problems/partner-suspended"));
        assertThat(listener.subscriptions()).isGreaterThan(subscriptions);
        assertThat(listener.fullReloads()).isGreaterThan(fullReloads);
        assertThat(listenerPid()).isNotNull().isNotEqualTo(before);

        // and the new connection carries notifications again: the reinstatement arrives at once
        long reloads = listener.partnerReloads();
        new OtherReplica(consumer, config, pool, clock).status(PARTNER_A, "ACTIVE", Instant.now());
        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(50)).until(() -> status(a) == 200);
        assertThat(listener.partnerReloads()).isGreaterThan(reloads);
    }

    @Test
    void aStatusRowFromBeforeStatusTimesIsReloadedAsOlderThanAnyFact() {
        // rows written before migration 202 have status_at -infinity; the reload reads them too
        String partner = UUID.randomUUID().toString();
        TestDb.execute("INSERT INTO gateway_partner_status (partner_id, status, reason, status_at, updated_at)"
                + " VALUES ('" + partner + "', 'SUSPENDED', 'legacy', '-infinity', now())");
        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(50)).until(() -> "SUSPENDED".equals(
                projection.controls().statuses().get(UUID.fromString(partner))));
        // any fact with a time replaces it
        projection.controls().status(UUID.fromString(partner), "ACTIVE", Instant.EPOCH);
        assertThat(projection.controls().statuses().get(UUID.fromString(partner))).isEqualTo("ACTIVE");
    }

    /** Another replica commits a change of a fresh partner; waits until this replica has applied it. */
    private void markerApplied(OtherReplica other) throws Throwable {
        UUID marker = UUID.randomUUID();
        other.status(marker, "SUSPENDED", Instant.now());
        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(50))
                .until(() -> "SUSPENDED".equals(projection.controls().statuses().get(marker)));
    }

    /** The statement another replica's consumer runs for partner.suspended, on a plain connection. */
    private static void suspend(Connection c, Instant at) throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO gateway_partner_status"
                + " (partner_id, status, reason, status_at, updated_at) VALUES (?::uuid, 'SUSPENDED', 'audit finding',"
                + " ?, now()) ON CONFLICT (partner_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason,"
                + " status_at = EXCLUDED.status_at, updated_at = EXCLUDED.updated_at"
                + " WHERE gateway_partner_status.status_at <= EXCLUDED.status_at")) {
            st.setString(1, A);
            st.setTimestamp(2, Timestamp.from(at));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    private static long listeners(Connection c) throws Exception {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND application_name = ?")) {
            st.setString(1, ControlsListener.APPLICATION_NAME);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Object listenerPid() {
        return TestDb.single("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = ?", ControlsListener.APPLICATION_NAME);
    }

    private static int status(String token) {
        return given().auth().oauth2(token).get(DATA_ROUTE).statusCode();
    }
}

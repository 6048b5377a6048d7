package com.privacyplatform.commons.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.testing.TestDb;
import com.privacyplatform.commons.support.Widgets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class AuditTrailTest {

    private static final String DISABLE = "ALTER TABLE platform_audit_record DISABLE TRIGGER platform_audit_no_update_delete";
    private static final String ENABLE = "ALTER TABLE platform_audit_record ENABLE TRIGGER platform_audit_no_update_delete";

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
    void everyChangeIsRecordedWithActorInTheSameTransaction() {
        String id = Widgets.create("audited-" + UUID.randomUUID());
        List<List<Object>> rows = TestDb.rows("SELECT actor, actor_role, action, target_type, details"
                + " FROM platform_audit_record WHERE target_id = ?", id);
        assertThat(rows).containsExactly(List.of("partner:" + Partners.A, "partner", "widget.created", "widget",
                "{\"size\":3}"));
    }

    @Test
    @Verifies({"4.1", "1.8"})
    void concurrentWritersKeepOneUnbrokenChainWithEveryRecord() {
        long before = TestDb.count("SELECT count(*) FROM platform_audit_record");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Void>> writers = IntStream.range(0, 16)
                    .mapToObj(i -> CompletableFuture.runAsync(() -> IntStream.range(0, 10)
                            .forEach(n -> recordOne()), pool))
                    .toList();
            writers.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record")).isEqualTo(before + 160);
        awaitChained();
        JsonPath result = verify();
        assertThat(result.getBoolean("valid")).isTrue();
        assertThat(result.getLong("recordsChecked")).isEqualTo(before + 160);
        assertThat(result.getLong("headSeq")).isEqualTo(before + 160);
        assertThat(result.getLong("unchainedRecords")).isZero();
    }

    @Test
    @Verifies({"4.1", "1.8"})
    void aTransactionHeldOpenAcrossAChainerRunIsLinkedAfterItCommitsAndNeverSkipped() throws SQLException {
        awaitChained();
        String heldTarget = UUID.randomUUID().toString();
        long heldAppendSeq;
        long headWhileHeld;
        try (Connection held = TestDb.connect()) {
            held.setAutoCommit(false);
            heldAppendSeq = appendIn(held, heldTarget);
            // three writers append after the held one (larger append numbers) and commit first
            IntStream.range(0, 3).forEach(n -> recordOne());
            // a chainer run links them while the held transaction is still open
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count(
                    "SELECT count(*) FROM platform_audit_record WHERE seq IS NULL") == 0);
            headWhileHeld = TestDb.count("SELECT last_seq FROM platform_audit_head");
            assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE append_seq > ? AND seq IS NOT NULL",
                    heldAppendSeq)).isGreaterThanOrEqualTo(3);
            JsonPath meanwhile = verify();
            assertThat(meanwhile.getBoolean("valid")).isTrue();
            assertThat(meanwhile.getLong("headSeq")).isEqualTo(headWhileHeld);
            held.commit();
        }
        // its commit wakes the chainer, which links it after everything linked before: not skipped
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.single(
                "SELECT seq FROM platform_audit_record WHERE target_id = ?", heldTarget) != null);
        assertThat(TestDb.count("SELECT seq FROM platform_audit_record WHERE target_id = ?", heldTarget))
                .isEqualTo(headWhileHeld + 1);
        JsonPath after = verify();
        assertThat(after.getBoolean("valid")).isTrue();
        assertThat(after.getLong("recordsChecked")).isEqualTo(TestDb.count("SELECT count(*) FROM platform_audit_record"));
    }

    @Test
    void recordsNotChainedYetAreReportedApartFromTampering() throws SQLException {
        awaitChained();
        try (Connection chainerHeld = TestDb.connect()) {
            // hold the head row as a chainer run would, so the chainer cannot link the next record yet
            chainerHeld.setAutoCommit(false);
            try (var st = chainerHeld.createStatement()) {
                st.execute("SELECT * FROM platform_audit_head FOR UPDATE");
            }
            recordOne();
            JsonPath result = verify();
            assertThat(result.getBoolean("valid")).isTrue();
            assertThat(result.getLong("unchainedRecords")).isEqualTo(1);
            assertThat(result.getString("oldestUnchainedAt")).isNotNull();
            chainerHeld.rollback();
        }
        awaitChained();
        assertThat(verify().getLong("unchainedRecords")).isZero();
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        ensureRecords();
        assertThatThrownBy(() -> TestDb.execute("UPDATE platform_audit_record SET actor = 'x' WHERE seq = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> TestDb.execute("DELETE FROM platform_audit_record WHERE seq = 1"))
                .hasMessageContaining("append-only");
        // a chained record cannot be re-linked, and linking cannot change the content
        assertThatThrownBy(() -> TestDb.execute("UPDATE platform_audit_record SET hash = repeat('0', 64) WHERE seq = 1"))
                .hasMessageContaining("append-only");
    }

    @Test
    void linkingARecordCannotChangeItsContent() throws SQLException {
        awaitChained();
        try (Connection chainerHeld = TestDb.connect()) {
            chainerHeld.setAutoCommit(false);
            try (var st = chainerHeld.createStatement()) {
                st.execute("SELECT * FROM platform_audit_head FOR UPDATE");
            }
            recordOne();
            long appendSeq = TestDb.count("SELECT max(append_seq) FROM platform_audit_record WHERE seq IS NULL");
            assertThatThrownBy(() -> TestDb.execute("UPDATE platform_audit_record SET seq = -1, prev_hash = 'x',"
                    + " hash = 'y', action = 'nothing.happened' WHERE append_seq = " + appendSeq))
                    .hasMessageContaining("append-only");
            chainerHeld.rollback();
        }
        awaitChained();
    }

    @Test
    @Verifies({"4.1", "1.8"})
    void anEditedRecordIsDetected() {
        ensureRecords();
        long seq = middleSeq();
        String original = (String) TestDb.single("SELECT action FROM platform_audit_record WHERE seq = ?", seq);
        TestDb.execute(DISABLE, "UPDATE platform_audit_record SET action = 'nothing.happened' WHERE seq = " + seq,
                ENABLE);
        try {
            JsonPath result = verify();
            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getLong("firstBrokenSeq")).isEqualTo(seq);
        } finally {
            TestDb.execute(DISABLE, "UPDATE platform_audit_record SET action = '" + original + "' WHERE seq = " + seq,
                    ENABLE);
        }
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    @Test
    void aDeletedRecordIsDetected() {
        ensureRecords();
        long seq = middleSeq();
        TestDb.execute(DISABLE, "CREATE TABLE IF NOT EXISTS audit_backup AS SELECT * FROM platform_audit_record WHERE false",
                "DELETE FROM audit_backup",
                "INSERT INTO audit_backup SELECT * FROM platform_audit_record WHERE seq = " + seq,
                "DELETE FROM platform_audit_record WHERE seq = " + seq, ENABLE);
        try {
            JsonPath result = verify();
            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getLong("firstBrokenSeq")).isEqualTo(seq + 1);
        } finally {
            TestDb.execute("INSERT INTO platform_audit_record SELECT * FROM audit_backup");
        }
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    @Test
    void swappedRecordsAreDetected() {
        ensureRecords();
        long seq = middleSeq();
        List<Object> a = TestDb.rows("SELECT actor, action, target_id FROM platform_audit_record WHERE seq = ?", seq).get(0);
        List<Object> b = TestDb.rows("SELECT actor, action, target_id FROM platform_audit_record WHERE seq = ?", seq + 1)
                .get(0);
        TestDb.execute(DISABLE, set(seq, b), set(seq + 1, a), ENABLE);
        try {
            JsonPath result = verify();
            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getLong("firstBrokenSeq")).isEqualTo(seq);
        } finally {
            TestDb.execute(DISABLE, set(seq, a), set(seq + 1, b), ENABLE);
        }
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    @Test
    void aRemovedTailIsDetectedThroughTheHead() {
        ensureRecords();
        long last = ((Number) TestDb.single("SELECT max(seq) FROM platform_audit_record")).longValue();
        TestDb.execute(DISABLE, "CREATE TABLE IF NOT EXISTS audit_backup AS SELECT * FROM platform_audit_record WHERE false",
                "DELETE FROM audit_backup",
                "INSERT INTO audit_backup SELECT * FROM platform_audit_record WHERE seq = " + last,
                "DELETE FROM platform_audit_record WHERE seq = " + last, ENABLE);
        try {
            JsonPath result = verify();
            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getString("problem")).contains("head");
        } finally {
            TestDb.execute("INSERT INTO platform_audit_record SELECT * FROM audit_backup");
        }
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    @Verifies({"4.1", "1.8"})
    void auditorsPageThroughTheTrailWithACursor() {
        ensureRecords();
        JsonPath first = given().queryParam("limit", 2).get("/audit-records")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().jsonPath();
        long lastSeq = first.getLong("items[1].seq");
        given().queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor")).get("/audit-records")
                .then().statusCode(200).body("items[0].seq", equalTo((int) lastSeq + 1));
    }

    @Test
    @Verifies({"4.1", "1.8"})
    void officersFilterByTarget() {
        ensureRecords();
        recordOne();
        awaitChained();
        String target = (String) TestDb.single("SELECT target_id FROM platform_audit_record"
                + " WHERE target_type = 'probe' ORDER BY seq DESC LIMIT 1");
        given().queryParam("targetType", "probe").queryParam("targetId", target).get("/audit-records")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].targetId", equalTo(target));
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void badPagingInputIs400() {
        given().queryParam("limit", 0).get("/audit-records").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 501).get("/audit-records").then().statusCode(400);
        given().queryParam("cursor", "%%%").get("/audit-records").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().queryParam("limit", "many").get("/audit-records").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    void partnersAndSubjectsCannotReadTheTrail() {
        given().get("/audit-records").then().statusCode(403);
        given().get("/audit-records/verification").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void subjectsCannotReadTheTrail() {
        given().get("/audit-records").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersAreRefused() {
        given().get("/audit-records").then().statusCode(401);
    }

    private static String set(long seq, List<Object> values) {
        return "UPDATE platform_audit_record SET actor = '" + values.get(0) + "', action = '" + values.get(1)
                + "', target_id = '" + values.get(2) + "' WHERE seq = " + seq;
    }

    private static long middleSeq() {
        long count = TestDb.count("SELECT count(*) FROM platform_audit_record");
        return Math.max(1, count / 2);
    }

    private static void ensureRecords() {
        while (TestDb.count("SELECT count(*) FROM platform_audit_record") < 6) {
            recordOne();
        }
        awaitChained();
    }

    static void awaitChained() {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count(
                "SELECT count(*) FROM platform_audit_record WHERE seq IS NULL") == 0);
    }

    /** What {@link AuditTrail#record} does, on a connection the test controls. */
    private static long appendIn(Connection c, String targetId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO platform_audit_record (id, recorded_at, actor,"
                + " actor_role, action, target_type, target_id) VALUES (gen_random_uuid(), date_trunc('milliseconds',"
                + " now()), 'user:test', 'compliance-officer', 'probe.held', 'probe', ?) RETURNING append_seq")) {
            st.setString(1, targetId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void recordOne() {
        given().post("/test/probe/audit-entries").then().statusCode(204);
    }

    private static JsonPath verify() {
        return given().get("/audit-records/verification")
                .then().statusCode(200).extract().jsonPath();
    }
}

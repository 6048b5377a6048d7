package com.privacyplatform.commons.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.privacyplatform.commons.clause.Verifies;
import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.testing.TestDb;
import com.privacyplatform.commons.support.Widgets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
    void concurrentWritersKeepOneUnbrokenChain() {
        long before = TestDb.count("SELECT count(*) FROM platform_audit_record");
        List<CompletableFuture<Void>> writers = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.runAsync(AuditTrailTest::recordOne))
                .toList();
        writers.forEach(CompletableFuture::join);
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record")).isEqualTo(before + 16);
        JsonPath result = verify();
        assertThat(result.getBoolean("valid")).isTrue();
        assertThat(result.getLong("recordsChecked")).isEqualTo(before + 16);
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        ensureRecords();
        assertThatThrownBy(() -> TestDb.execute("UPDATE platform_audit_record SET actor = 'x' WHERE seq = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> TestDb.execute("DELETE FROM platform_audit_record WHERE seq = 1"))
                .hasMessageContaining("append-only");
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
    }

    private static void recordOne() {
        given().post("/test/probe/audit-entries").then().statusCode(204);
    }

    private static JsonPath verify() {
        return given().get("/audit-records/verification")
                .then().statusCode(200).extract().jsonPath();
    }
}

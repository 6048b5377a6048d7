package com.privacyplatform.registry.checkpoint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.registry.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The registry keeps every service's signed audit checkpoints (issue 16). Tampering as the
 * registry's own database user - a record rewritten, the whole chain and head re-hashed, the
 * service's own checkpoint copy deleted - is still caught by verifying against the kept copy.
 */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class CheckpointKeeperTest {

    private static final String SOURCE = "/partner-registry-service";
    private static final String DISABLE = "ALTER TABLE platform_audit_record DISABLE TRIGGER platform_audit_no_update_delete";
    private static final String ENABLE = "ALTER TABLE platform_audit_record ENABLE TRIGGER platform_audit_no_update_delete";

    @Test
    @Verifies(value = {"4.1", "1.8"}, exercises = {"KeptCheckpointResource", "KeptCheckpointResource#list", "CheckpointKeeper#keep"})
    void aRewrittenChainFailsAgainstTheKeptCopyAfterTheOwnCopyWasDeleted() {
        onboard();
        String first = sign();
        long good = TestDb.count("SELECT seq FROM platform_audit_checkpoint WHERE id = ?::uuid", first);
        onboard();
        onboard();
        String second = sign();
        onboard();
        awaitChained();
        // both reach the keeper through the broker
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("source", SOURCE)
                .queryParam("limit", 500).get("/audit-checkpoints").then().statusCode(200)
                .body("items.id", hasItems(first, second)));
        List<Map<String, Object>> kept = given().queryParam("source", SOURCE).queryParam("limit", 500)
                .get("/audit-checkpoints").then().extract().jsonPath().getList("items");

        List<List<Object>> original = TestDb.rows("SELECT seq, action, prev_hash, hash FROM platform_audit_record"
                + " WHERE seq > ? ORDER BY seq", good);
        List<Object> head = TestDb.rows("SELECT last_seq, last_hash FROM platform_audit_head").get(0);
        TestDb.execute("CREATE TABLE IF NOT EXISTS own_checkpoint_backup AS SELECT * FROM platform_audit_checkpoint"
                + " WHERE false", "DELETE FROM own_checkpoint_backup",
                "INSERT INTO own_checkpoint_backup SELECT * FROM platform_audit_checkpoint");
        try {
            rewriteAndReHash(good + 1);
            JsonPath own = verify();
            assertThat(own.getBoolean("valid")).isFalse();
            assertThat(own.getLong("firstBrokenSeq")).isEqualTo(good + 1);

            TestDb.execute("DELETE FROM platform_audit_checkpoint");
            assertThat(verify().getBoolean("valid")).as("nothing inside the database is left to tell").isTrue();

            JsonPath outside = given().contentType(ContentType.JSON).body(Map.of("checkpoints", kept))
                    .post("/audit-records/verification").then().statusCode(200).extract().jsonPath();
            assertThat(outside.getBoolean("valid")).isFalse();
            assertThat(outside.getLong("firstBrokenSeq")).isEqualTo(good + 1);
            assertThat(outside.getLong("lastGoodCheckpointSeq")).isEqualTo(good);
        } finally {
            restore(original, head);
            TestDb.execute("INSERT INTO platform_audit_checkpoint SELECT * FROM own_checkpoint_backup"
                    + " ON CONFLICT (id) DO NOTHING");
        }
        JsonPath restored = given().contentType(ContentType.JSON).body(Map.of("checkpoints", kept))
                .post("/audit-records/verification").then().statusCode(200).extract().jsonPath();
        assertThat(restored.getBoolean("valid")).isTrue();
        assertThat(restored.getInt("checkpointsChecked")).isEqualTo(kept.size());
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsReadTheKeptCopyButMustNameAService() {
        given().queryParam("source", SOURCE).get("/audit-checkpoints").then().statusCode(200);
        given().get("/audit-checkpoints").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("source"));
        given().queryParam("source", SOURCE).queryParam("cursor", "%%%").get("/audit-checkpoints")
                .then().statusCode(400);
        given().queryParam("source", SOURCE).queryParam("limit", 501).get("/audit-checkpoints")
                .then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = "2b9ab027-cb68-523d-81ec-293ae3eaf63b"))
    void partnersCannotReadTheKeptCopy() {
        given().queryParam("source", SOURCE).get("/audit-checkpoints").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "alice", roles = "data-subject")
    void subjectsCannotReadTheKeptCopy() {
        given().queryParam("source", SOURCE).get("/audit-checkpoints").then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersAreRefused() {
        given().queryParam("source", SOURCE).get("/audit-checkpoints").then().statusCode(401);
    }

    private static void onboard() {
        String clientId = Fixtures.uniqueClientId("cp");
        given().contentType(ContentType.JSON).body("{\"legalName\":\"Shop " + clientId + " Ltd.\",\"jurisdiction\":\"DE\","
                + "\"oidcClientId\":\"" + clientId + "\",\"contact\":{\"name\":\"Li Wei\","
                + "\"email\":\"li.wei@shop.example\",\"phone\":\"+86 138 1234 5678\"},\"credential\":{\"method\":\"CLIENT_SECRET\"}}")
                .post("/partners").then().statusCode(201);
    }

    private static String sign() {
        return given().post("/audit-records/checkpoints").then().statusCode(201).extract().path("id");
    }

    private static void awaitChained() {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count(
                "SELECT count(*) FROM platform_audit_record WHERE seq IS NULL") == 0);
    }

    private static JsonPath verify() {
        return given().get("/audit-records/verification").then().statusCode(200).extract().jsonPath();
    }

    /**
     * As the database user: edit one record, then recompute every later hash and the head with
     * the published hash rule (platform-commons README: SHA-256 over length-prefixed fields).
     */
    private static void rewriteAndReHash(long fromSeq) {
        List<List<Object>> rows = TestDb.rows("SELECT seq, recorded_at, actor, actor_role, action, target_type,"
                + " target_id, details, prev_hash FROM platform_audit_record WHERE seq >= ? ORDER BY seq", fromSeq);
        List<String> sql = new ArrayList<>();
        sql.add(DISABLE);
        String prev = (String) rows.get(0).get(8);
        long seq = fromSeq;
        for (List<Object> r : rows) {
            seq = ((Number) r.get(0)).longValue();
            String action = seq == fromSeq ? "nothing.happened" : (String) r.get(4);
            String hash = sha256(field(Long.toString(seq)) + field(((java.sql.Timestamp) r.get(1)).toInstant().toString())
                    + field((String) r.get(2)) + field((String) r.get(3)) + field(action) + field((String) r.get(5))
                    + field((String) r.get(6)) + field((String) r.get(7)) + field(prev));
            sql.add("UPDATE platform_audit_record SET action = '" + action + "', prev_hash = '" + prev + "', hash = '"
                    + hash + "' WHERE seq = " + seq);
            prev = hash;
        }
        sql.add("UPDATE platform_audit_head SET last_seq = " + seq + ", last_hash = '" + prev + "'");
        sql.add(ENABLE);
        TestDb.execute(sql.toArray(String[]::new));
        JsonPath consistent = given().contentType(ContentType.JSON).body("{\"checkpoints\":[]}")
                .post("/audit-records/verification").then().statusCode(200).extract().jsonPath();
        assertThat(consistent.getBoolean("valid")).as("the rewrite is consistent in itself").isTrue();
    }

    private static void restore(List<List<Object>> original, List<Object> head) {
        List<String> sql = new ArrayList<>();
        sql.add(DISABLE);
        for (List<Object> r : original) {
            sql.add("UPDATE platform_audit_record SET action = '" + r.get(1) + "', prev_hash = '" + r.get(2)
                    + "', hash = '" + r.get(3) + "' WHERE seq = " + r.get(0));
        }
        sql.add("UPDATE platform_audit_head SET last_seq = " + head.get(0) + ", last_hash = '" + head.get(1) + "'");
        sql.add(ENABLE);
        TestDb.execute(sql.toArray(String[]::new));
    }

    private static String field(String value) {
        return value == null ? "-1:;" : value.length() + ":" + value + ";";
    }

    private static String sha256(String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

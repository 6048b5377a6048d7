package com.privacyplatform.commons.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.testing.EventTap;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Signed checkpoints (issue 16): a chain rewritten and re-hashed by someone holding the
 * service's database credentials - head included - no longer verifies, neither against the
 * service's own copy of the checkpoints nor, once that copy is deleted too, against the copy
 * kept outside the database (here: the audit.checkpoint-signed events as the broker delivered them).
 */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class CheckpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AuditCheckpoints checkpoints;
    private static final String DISABLE = "ALTER TABLE platform_audit_record DISABLE TRIGGER platform_audit_no_update_delete";
    private static final String ENABLE = "ALTER TABLE platform_audit_record ENABLE TRIGGER platform_audit_no_update_delete";

    @Test
    @Verifies(value = {"4.1", "1.8"}, exercises = {"CheckpointResource", "CheckpointResource#sign", "CheckpointResource#list", "AuditResource", "AuditResource#list", "AuditResource#verify", "AuditResource#verifyAgainst"})
    void aCheckpointIsSignedOnDemandPublishedAndArchived() throws Exception {
        recordSome(2);
        try (EventTap tap = new EventTap(CheckpointView.EVENT_TYPE)) {
            JsonPath cp = given().post("/audit-records/checkpoints").then().statusCode(201)
                    .header("Location", containsString("/audit-records/checkpoints/"))
                    .body("source", equalTo("/commons-test")).body("algorithm", equalTo("Ed25519"))
                    .extract().jsonPath();
            String id = cp.getString("id");
            // the head it signed includes every record committed before the call
            assertThat(cp.getLong("seq")).isEqualTo(TestDb.count("SELECT count(*) FROM platform_audit_record"));
            assertThat(cp.getString("hash")).isEqualTo(TestDb.single(
                    "SELECT hash FROM platform_audit_record WHERE seq = ?", cp.getLong("seq")));

            // the signature verifies with the published public key
            JsonPath keys = given().get("/audit-records/checkpoints/keys").then().statusCode(200).extract().jsonPath();
            assertThat(keys.getString("[0].keyId")).isEqualTo(cp.getString("keyId"));
            CheckpointView view = new CheckpointView(UUID.fromString(id), cp.getString("source"), cp.getLong("seq"),
                    cp.getString("hash"), Instant.parse(cp.getString("signedAt")), cp.getString("keyId"),
                    cp.getString("algorithm"), cp.getString("signature"));
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(keys.getString("[0].publicKey")))));
            ed.update(view.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(ed.verify(Base64.getUrlDecoder().decode(view.signature()))).isTrue();

            // published (kept by another service) and archived (object storage where configured)
            List<JsonNode> events = tap.forSubject(id, 1, Duration.ofSeconds(30));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).get("data").get("signature").asText()).isEqualTo(view.signature());
            assertThat(events.get(0).get("source").asText()).isEqualTo("/commons-test");
            try (Stream<Path> files = Files.list(Path.of("target/audit-checkpoints/commons-test"))) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(id + ".json"));
            }
            given().get("/audit-records/checkpoints/" + id).then().statusCode(200).body("hash", equalTo(view.hash()));
            given().queryParam("limit", 500).get("/audit-records/checkpoints").then().statusCode(200)
                    .body("items.id", hasItem(id));
        }
    }

    @Test
    @Verifies(value = {"4.1", "1.8"}, exercises = {"CheckpointResource", "CheckpointResource#sign", "CheckpointResource#list", "AuditResource", "AuditResource#list", "AuditResource#verify", "AuditResource#verifyAgainst"})
    void aChainRewrittenAndReHashedWithTheDatabaseCredentialsFailsAgainstTheSignedCheckpoints() {
        recordSome(3);
        try (EventTap tap = new EventTap(CheckpointView.EVENT_TYPE)) {
            String first = sign();
            long good = TestDb.count("SELECT seq FROM platform_audit_checkpoint WHERE id = ?::uuid", first);
            recordSome(3);
            String second = sign();
            recordSome(2);
            AuditTrailTest.awaitChained();
            ArrayNode outsideCopy = JSON.createArrayNode();
            Stream.of(first, second).forEach(id -> outsideCopy.add(tap.forSubject(id, 1, Duration.ofSeconds(30))
                    .get(0).get("data")));

            List<List<Object>> original = TestDb.rows("SELECT seq, action, prev_hash, hash FROM platform_audit_record"
                    + " WHERE seq > ? ORDER BY seq", good);
            List<List<Object>> head = TestDb.rows("SELECT last_seq, last_hash FROM platform_audit_head");
            TestDb.execute("CREATE TABLE IF NOT EXISTS checkpoint_backup AS SELECT * FROM platform_audit_checkpoint"
                    + " WHERE false", "DELETE FROM checkpoint_backup",
                    "INSERT INTO checkpoint_backup SELECT * FROM platform_audit_checkpoint");
            try {
                rewriteAndReHash(good + 1);
                JsonPath own = verify();
                assertThat(own.getBoolean("valid")).isFalse();
                assertThat(own.getLong("firstBrokenSeq")).isEqualTo(good + 1);
                assertThat(own.getLong("lastGoodCheckpointSeq")).isEqualTo(good);
                assertThat(own.getString("problem")).contains("checkpoint");

                // the attacker deletes the service's own copy too: nothing left inside to compare with ...
                TestDb.execute("DELETE FROM platform_audit_checkpoint");
                assertThat(verify().getBoolean("valid")).isTrue();
                // ... but the copy kept outside still tells
                JsonPath outside = given().contentType(ContentType.JSON).body(body(outsideCopy))
                        .post("/audit-records/verification").then().statusCode(200).extract().jsonPath();
                assertThat(outside.getBoolean("valid")).isFalse();
                assertThat(outside.getLong("firstBrokenSeq")).isEqualTo(good + 1);
                assertThat(outside.getLong("lastGoodCheckpointSeq")).isEqualTo(good);
            } finally {
                restore(original, head);
                TestDb.execute("INSERT INTO platform_audit_checkpoint SELECT * FROM checkpoint_backup"
                        + " ON CONFLICT (id) DO NOTHING");
            }
            JsonPath restored = verify();
            assertThat(restored.getBoolean("valid")).isTrue();
            assertThat(restored.getInt("checkpointsChecked")).isGreaterThanOrEqualTo(2);
            JsonPath againstOutside = given().contentType(ContentType.JSON).body(body(outsideCopy))
                    .post("/audit-records/verification").then().statusCode(200).extract().jsonPath();
            assertThat(againstOutside.getBoolean("valid")).isTrue();
            assertThat(againstOutside.getInt("checkpointsChecked")).isEqualTo(2);
        }
    }

    @Test
    void aForgedOrForeignCheckpointIsNamedAsSuch() throws Exception {
        recordSome(1);
        String id = sign();
        ObjectNode forged = (ObjectNode) JSON.readTree(given().get("/audit-records/checkpoints/" + id).then()
                .statusCode(200).extract().asString());
        JsonPath genuine = given().contentType(ContentType.JSON).body(body(JSON.createArrayNode().add(forged.deepCopy())))
                .post("/audit-records/verification").then().statusCode(200).extract().jsonPath();
        assertThat(genuine.getBoolean("valid")).isTrue();
        assertThat(genuine.getInt("checkpointsChecked")).isEqualTo(1);

        forged.put("hash", "f".repeat(64));
        JsonPath result = given().contentType(ContentType.JSON).body(body(JSON.createArrayNode().add(forged)))
                .post("/audit-records/verification").then().statusCode(200).extract().jsonPath();
        assertThat(result.getBoolean("valid")).isFalse();
        assertThat(result.getString("problem")).contains("valid signature");
        forged.put("source", "/another-service");
        assertThat(given().contentType(ContentType.JSON).body(body(JSON.createArrayNode().add(forged)))
                .post("/audit-records/verification").then().statusCode(200).extract().jsonPath().getString("problem"))
                .contains("/another-service");
    }

    @Test
    void theIntervalSignsTheHeadOnlyWhenItMoved() throws Throwable {
        recordSome(1);
        VertxContextSupport.subscribeAndAwait(() -> checkpoints.periodic());
        assertThat(TestDb.count("SELECT max(seq) FROM platform_audit_checkpoint"))
                .isEqualTo(TestDb.count("SELECT last_seq FROM platform_audit_head"));
        long signed = TestDb.count("SELECT count(*) FROM platform_audit_checkpoint");
        VertxContextSupport.subscribeAndAwait(() -> checkpoints.periodic());
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_checkpoint")).isEqualTo(signed);
    }

    @Test
    void badVerificationInputIs400AndBadIdsAre404() {
        given().contentType(ContentType.JSON).body("{}").post("/audit-records/verification").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"checkpoints\":[{\"id\":\"" + UUID.randomUUID() + "\"}]}")
                .post("/audit-records/verification").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"checkpoints\": 7").post("/audit-records/verification")
                .then().statusCode(400);
        given().get("/audit-records/checkpoints/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("cursor", "%%%").get("/audit-records/checkpoints").then().statusCode(400);
        given().queryParam("limit", 0).get("/audit-records/checkpoints").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "aaron", roles = "auditor")
    void auditorsReadAndVerifyButDoNotSign() {
        given().post("/audit-records/checkpoints").then().statusCode(403);
        given().get("/audit-records/checkpoints").then().statusCode(200);
        given().get("/audit-records/checkpoints/keys").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"checkpoints\":[]}").post("/audit-records/verification")
                .then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
    void partnersCannotSignReadOrVerifyCheckpoints() {
        given().post("/audit-records/checkpoints").then().statusCode(403);
        given().get("/audit-records/checkpoints").then().statusCode(403);
        given().get("/audit-records/checkpoints/keys").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"checkpoints\":[]}").post("/audit-records/verification")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity
    void anonymousCallersAreRefused() {
        given().post("/audit-records/checkpoints").then().statusCode(401);
        given().get("/audit-records/checkpoints").then().statusCode(401);
    }

    /** As the database user: edit one record, then recompute every later hash and the head. */
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
            Instant at = ((java.sql.Timestamp) r.get(1)).toInstant();
            AuditHashes.AuditEntry e = new AuditHashes.AuditEntry(at, (String) r.get(2), (String) r.get(3), action,
                    (String) r.get(5), (String) r.get(6), (String) r.get(7));
            String hash = AuditHashes.of(seq, e, prev);
            sql.add("UPDATE platform_audit_record SET action = '" + action + "', prev_hash = '" + prev + "', hash = '"
                    + hash + "' WHERE seq = " + seq);
            prev = hash;
        }
        sql.add("UPDATE platform_audit_head SET last_seq = " + seq + ", last_hash = '" + prev + "'");
        sql.add(ENABLE);
        TestDb.execute(sql.toArray(String[]::new));
        JsonPath stillConsistent = verifyWithout();
        assertThat(stillConsistent.getBoolean("valid")).as("the rewrite is consistent in itself").isTrue();
    }

    private static void restore(List<List<Object>> original, List<List<Object>> head) {
        List<String> sql = new ArrayList<>();
        sql.add(DISABLE);
        for (List<Object> r : original) {
            sql.add("UPDATE platform_audit_record SET action = '" + r.get(1) + "', prev_hash = '" + r.get(2)
                    + "', hash = '" + r.get(3) + "' WHERE seq = " + r.get(0));
        }
        sql.add("UPDATE platform_audit_head SET last_seq = " + head.get(0).get(0) + ", last_hash = '"
                + head.get(0).get(1) + "'");
        sql.add(ENABLE);
        TestDb.execute(sql.toArray(String[]::new));
    }

    private static String body(ArrayNode checkpoints) {
        return JSON.createObjectNode().set("checkpoints", checkpoints).toString();
    }

    private static String sign() {
        return given().post("/audit-records/checkpoints").then().statusCode(201).extract().path("id");
    }

    private static void recordSome(int n) {
        for (int i = 0; i < n; i++) {
            given().post("/test/probe/audit-entries").then().statusCode(204);
        }
        AuditTrailTest.awaitChained();
    }

    private static JsonPath verify() {
        return given().get("/audit-records/verification").then().statusCode(200).extract().jsonPath();
    }

    /** Verification against no checkpoint at all: only the chain's own consistency. */
    private static JsonPath verifyWithout() {
        return given().contentType(ContentType.JSON).body("{\"checkpoints\":[]}").post("/audit-records/verification")
                .then().statusCode(200).extract().jsonPath();
    }
}

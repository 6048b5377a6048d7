package com.privacyplatform.commons.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
class IdempotencyAndVersionsTest {

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        String name = "idem-" + key;
        Response first = post(key, name, 2);
        first.then().statusCode(201);
        Response second = post(key, name, 2);
        second.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .body("id", equalTo(first.path("id")));
        assertThat(TestDb.count("SELECT count(*) FROM test_widget WHERE name = ?", name)).isEqualTo(1);
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE payload->>'name' = ?", name)).isEqualTo(1);
    }

    @Test
    void theStoreKeepsTheAnswerSealedAndTheRequestAsAKeyedFingerprint() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "idem-sealed-" + key;
        withOwner(key, name, 3).then().statusCode(201);
        List<Object> row = TestDb.rows("SELECT body, request_hash, key_id FROM platform_idempotency WHERE key = ?", key)
                .get(0);
        assertThat((String) row.get(0)).doesNotContain(name).doesNotContain(OWNER);
        assertThat(row.get(1)).isNotEqualTo(plainHash(name, 3));
        assertThat(row.get(2)).isNotNull();
        // the replay still answers with the first body, opened from the sealed copy
        withOwner(key, name, 3).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("name", equalTo(name));
    }

    @Test
    void anAnswerStoredBeforeSealingIsStillReplayed() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "idem-legacy-" + key;
        String id = UUID.randomUUID().toString();
        withOwner(UUID.randomUUID().toString(), "idem-legacy-caller-" + key, 1).then().statusCode(201);
        // a row as the store wrote it before V2026_12_09_500: plain SHA-256, answer in clear, no key id
        TestDb.execute("INSERT INTO platform_idempotency (caller, key, request_hash, status, location, body)"
                + " SELECT caller, '" + key + "', '" + plainHash(name, 4) + "', 201, '/test/widgets/" + id + "',"
                + " '{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}' FROM platform_idempotency"
                + " WHERE key_id IS NOT NULL ORDER BY created_at DESC LIMIT 1");
        withOwner(key, name, 4).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertThat(TestDb.count("SELECT count(*) FROM test_widget WHERE name = ?", name)).isZero();
    }

    private static final String OWNER = "li.wei.idempotency@example.com";

    private static Response withOwner(String key, String name, int size) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"name\":\"" + name + "\",\"ownerEmail\":\"" + OWNER + "\",\"size\":" + size + "}")
                .post("/test/widgets");
    }

    /** What the store kept before answers were sealed: SHA-256 of the request as the resource names it. */
    private static String plainHash(String name, int size) throws Exception {
        String json = "[\"POST /test/widgets\",{\"name\":\"" + name + "\",\"ownerEmail\":\"" + OWNER
                + "\",\"size\":" + size + "}]";
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void theSameKeyForADifferentRequestIs422() {
        String key = UUID.randomUUID().toString();
        post(key, "idem-a-" + key, 2).then().statusCode(201);
        post(key, "idem-b-" + key, 2).then().statusCode(422)
                .body("type", equalTo("https://privacy-platform.example/problems/idempotency-key-reused"));
        assertThat(TestDb.count("SELECT count(*) FROM test_widget WHERE name = ?", "idem-b-" + key)).isZero();
    }

    @Test
    void concurrentRetriesCreateOnce() {
        String key = UUID.randomUUID().toString();
        String name = "idem-concurrent-" + key;
        List<CompletableFuture<Integer>> calls = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(key, name, 1).statusCode()))
                .toList();
        assertThat(calls.stream().map(CompletableFuture::join)).containsOnly(201);
        assertThat(TestDb.count("SELECT count(*) FROM test_widget WHERE name = ?", name)).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIs400() {
        post("key with spaces", "idem-bad", 1).then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String id = post(null, "versioned-" + UUID.randomUUID(), 1).then().statusCode(201).extract().path("id");
        String etag = given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"v\",\"size\":5}").put("/test/widgets/" + id)
                .then().statusCode(200).body("size", equalTo(5)).extract().header("ETag");
        assertThat(etag).isEqualTo("\"1\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"v\",\"size\":9}").put("/test/widgets/" + id)
                .then().statusCode(412)
                .body("type", equalTo("https://privacy-platform.example/problems/precondition-failed"));
        assertThat(TestDb.single("SELECT size FROM test_widget WHERE id = ?::uuid", id)).isEqualTo(5);
    }

    @Test
    void versionsCompareEntityTags() {
        Versions.requireMatch(null, 3);
        Versions.requireMatch("*", 3);
        Versions.requireMatch("\"2\", W/\"3\"", 3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Versions.requireMatch("\"2\"", 3))
                .hasMessageContaining("Precondition failed");
    }

    private static Response post(String key, String name, int size) {
        var request = given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"size\":" + size + "}");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/test/widgets");
    }
}

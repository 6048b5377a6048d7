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

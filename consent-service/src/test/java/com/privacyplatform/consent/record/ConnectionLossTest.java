package com.privacyplatform.consent.record;

import java.net.URL;
import io.quarkus.test.common.http.TestHTTPResource;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.testing.Backends;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A lost database connection is a 503 with Retry-After, never a 500: the service's backend is cut
 * with pg_terminate_backend at a chosen moment (held behind a lock the test owns), a write's
 * replay with the same Idempotency-Key records it exactly once, and a read is retried once on a
 * fresh connection.
 */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
class ConnectionLossTest {

    /** Health is served on the management interface (issue 15.3). */
    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    private static final long COMMIT_HOLD = 0x636f6d6d6974L;
    private static final String HELD_SUBJECTS = "subj-held-commit-%";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String UNAVAILABLE = "https://privacy-platform.example/problems/database-unavailable";

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
    }

    @AfterEach
    void dropCommitHold() {
        TestDb.execute("DROP TRIGGER IF EXISTS test_hold_commit ON consent", "DROP FUNCTION IF EXISTS test_hold_commit()");
    }

    /**
     * Test database only, dropped after each test: a deferred constraint trigger makes the COMMIT of
     * a consent for a "subj-held-commit-..." subject wait for an advisory lock the test holds.
     */
    private static String heldCommitSubject() {
        TestDb.execute("CREATE FUNCTION test_hold_commit() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN PERFORM pg_advisory_xact_lock(" + COMMIT_HOLD + "); RETURN NULL; END $$",
                "CREATE CONSTRAINT TRIGGER test_hold_commit AFTER INSERT ON consent DEFERRABLE INITIALLY DEFERRED"
                        + " FOR EACH ROW WHEN (NEW.subject_id LIKE '" + HELD_SUBJECTS + "') EXECUTE FUNCTION test_hold_commit()");
        return "subj-held-commit-" + UUID.randomUUID();
    }

    @Test
    void aWriteCutOffInItsCommitIs503OutcomeUnknownAndItsReplayRecordsItOnce() throws Exception {
        String subject = heldCommitSubject();
        String body = Fixtures.body(subject).purpose("analytics", true, "user.device.identifier").json();
        String key = "commit-cut-" + subject;

        Response cut;
        try (Backends.Held hold = Backends.advisoryLock(COMMIT_HOLD)) {
            CompletableFuture<Response> first = async(() -> post(body, key));
            Backends.Blocked committing = hold.awaitBlocked();
            assertThat(committing.query()).isEqualToIgnoringCase("COMMIT");
            committing.terminate();
            cut = first.get(30, TimeUnit.SECONDS);
        }
        assertThat(cut.statusCode()).isEqualTo(503);
        assertThat(cut.contentType()).startsWith(PROBLEM_JSON);
        assertThat(cut.header("Retry-After")).isNotBlank();
        assertThat(cut.jsonPath().getString("type")).isEqualTo(UNAVAILABLE);
        assertThat(cut.jsonPath().getString("detail")).contains("outcome is unknown").contains("Idempotency-Key");

        Response replay = post(body, key);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isEqualTo(1);
        Response again = post(body, key);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.jsonPath().getString("items[0].consent.id"))
                .isEqualTo(replay.jsonPath().getString("items[0].consent.id"));
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isEqualTo(1);
    }

    @Test
    void aReplayWhileTheFirstAttemptHangsInCommitWaitsForItsFateAndRecordsOnce() throws Exception {
        String subject = heldCommitSubject();
        String body = Fixtures.body(subject).purpose("analytics", true, "user.device.identifier").json();
        String key = "commit-race-" + subject;

        CompletableFuture<Response> replay;
        Response cut;
        try (Backends.Held hold = Backends.advisoryLock(COMMIT_HOLD)) {
            CompletableFuture<Response> first = async(() -> post(body, key));
            Backends.Blocked committing = hold.awaitBlocked();
            assertThat(committing.query()).isEqualToIgnoringCase("COMMIT");
            replay = async(() -> post(body, key));
            // the replay waits on the Idempotency-Key row the undecided first attempt inserted
            committing.awaitBlockedBehind();
            committing.terminate();
            cut = first.get(30, TimeUnit.SECONDS);
        } // the replay's own COMMIT may proceed now
        assertThat(cut.statusCode()).isEqualTo(503);
        assertThat(cut.jsonPath().getString("detail")).contains("outcome is unknown");
        Response replayed = replay.get(30, TimeUnit.SECONDS);
        assertThat(replayed.statusCode()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).as("the first attempt never committed").isNull();
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isEqualTo(1);
    }

    @Test
    void aWriteCutOffBeforeItsCommitIs503NothingChanged() throws Exception {
        String subject = Fixtures.subject();
        String body = Fixtures.body(subject).purpose("analytics", false, "user.device.identifier").json();
        String key = "statement-cut-" + subject;

        Response cut;
        try (Backends.Held table = Backends.tableLock("consent")) {
            CompletableFuture<Response> first = async(() -> post(body, key));
            Backends.Blocked writing = table.awaitBlocked();
            assertThat(writing.query()).doesNotContainIgnoringCase("COMMIT");
            writing.terminate();
            cut = first.get(30, TimeUnit.SECONDS);
        }
        assertThat(cut.statusCode()).isEqualTo(503);
        assertThat(cut.contentType()).startsWith(PROBLEM_JSON);
        assertThat(cut.header("Retry-After")).isNotBlank();
        assertThat(cut.jsonPath().getString("type")).isEqualTo(UNAVAILABLE);
        assertThat(cut.jsonPath().getString("detail")).contains("nothing was changed");
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_idempotency WHERE key = ?", key)).isZero();

        assertThat(post(body, key).statusCode()).isEqualTo(201);
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id = ?", subject)).isEqualTo(1);
    }

    @Test
    void aReadCutOffOnceIsRetriedOnAFreshConnection() throws Exception {
        String id = Fixtures.consent(Fixtures.A, Fixtures.subject(), "analytics", "GRANTED", null, "user.device.identifier");
        Response read;
        try (Backends.Held table = Backends.tableLock("consent")) {
            CompletableFuture<Response> pending = async(() -> given().get("/consents/" + id));
            Backends.Blocked first = table.awaitBlocked();
            first.terminate();
            Backends.Blocked retry = table.awaitBlocked(Set.of(first.pid()));
            assertThat(retry.pid()).isNotEqualTo(first.pid());
            table.close();
            read = pending.get(30, TimeUnit.SECONDS);
        }
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.jsonPath().getString("id")).isEqualTo(id);
    }

    @Test
    void aReadCutOffTwiceIs503WithRetryAfter() throws Exception {
        String id = Fixtures.consent(Fixtures.A, Fixtures.subject(), "analytics", "GRANTED", null, "user.device.identifier");
        Response read;
        try (Backends.Held table = Backends.tableLock("consent")) {
            CompletableFuture<Response> pending = async(() -> given().get("/consents/" + id));
            Backends.Blocked first = table.awaitBlocked();
            first.terminate();
            table.awaitBlocked(Set.of(first.pid())).terminate();
            read = pending.get(30, TimeUnit.SECONDS);
        }
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.contentType()).startsWith(PROBLEM_JSON);
        assertThat(read.header("Retry-After")).isNotBlank();
        assertThat(read.jsonPath().getString("type")).isEqualTo(UNAVAILABLE);
        assertThat(read.jsonPath().getString("detail")).contains("nothing was changed");
        // the service recovers on fresh connections at once; readiness reports the database, liveness never does
        given().get("/consents/" + id).then().statusCode(200);
        given().get(ready).then().statusCode(200)
                .body("checks.find { it.name.contains('PostgreSQL') }.status", equalTo("UP"));
        given().get(live).then().statusCode(200)
                .body("checks.name", not(hasItem(containsString("PostgreSQL"))));
    }

    private static Response post(String body, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/consents");
    }

    private static CompletableFuture<Response> async(Supplier<Response> call) {
        return CompletableFuture.supplyAsync(call);
    }
}

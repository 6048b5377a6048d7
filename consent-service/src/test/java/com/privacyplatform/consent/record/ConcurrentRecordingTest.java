package com.privacyplatform.consent.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.privacyplatform.commons.audit.AuditVerification;
import com.privacyplatform.commons.audit.AuditVerifier;
import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Consent writes no longer wait for each other on the audit chain (issue 16), and nothing gets
 * lost for it: every concurrent write leaves its consent, history entry, event, receipt and
 * audit record, and the chain verifies with every audit record in it.
 */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
class ConcurrentRecordingTest {

    private static final int WRITERS = 16;
    private static final int EACH = 5;
    private static final int TOTAL = WRITERS * EACH;

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
    }

    @Inject
    AuditVerifier verifier;

    @Test
    @Verifies(value = {"4.1", "1.8", "1.1"}, exercises = {"ConsentResource#record", "RecordService#record",
            "RecordService#recordAlone"})
    void concurrentWritesKeepEveryConsentEventReceiptAndAuditRecordAndTheChainVerifies() throws Throwable {
        List<String> subjects = IntStream.range(0, TOTAL).mapToObj(i -> Fixtures.subject()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<JsonPath> answers;
        try {
            List<CompletableFuture<JsonPath>> writes = subjects.stream()
                    .map(s -> CompletableFuture.supplyAsync(() -> record(s), pool)).toList();
            answers = writes.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
        // every answer carries its signed receipt
        assertThat(answers).allSatisfy(a -> assertThat(a.getString("items[0].receipt")).isNotBlank());
        String[] ids = answers.stream().map(a -> a.getString("items[0].consent.id")).toArray(String[]::new);
        String[] subjectIds = subjects.toArray(String[]::new);

        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE subject_id::text = ANY(?)", (Object) subjectIds))
                .isEqualTo(TOTAL);
        assertThat(TestDb.count("SELECT count(*) FROM consent_history WHERE cause = 'RECORDED'"
                + " AND consent_id::text = ANY(?)", (Object) ids)).isEqualTo(TOTAL);
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE type = 'consent.granted'"
                + " AND subject = ANY(?)", (Object) ids)).isEqualTo(TOTAL);
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'consent.recorded'"
                + " AND target_id = ANY(?)", (Object) ids)).isEqualTo(TOTAL);

        // the chainer links all of them; the whole chain verifies and holds every record
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count("SELECT count(*) FROM platform_audit_record"
                + " WHERE target_id = ANY(?) AND seq IS NOT NULL", (Object) ids) == TOTAL);
        AuditVerification verification = VertxContextSupport.subscribeAndAwait(() -> verifier.verify());
        assertThat(verification.valid()).isTrue();
        assertThat(verification.recordsChecked() + verification.unchainedRecords())
                .isEqualTo(TestDb.count("SELECT count(*) FROM platform_audit_record"));
        assertThat(TestDb.count("SELECT count(DISTINCT seq) FROM platform_audit_record WHERE target_id = ANY(?)",
                (Object) ids)).isEqualTo(TOTAL);
    }

    private static JsonPath record(String subject) {
        String body = Fixtures.body(subject).purpose("payment_processing", true, "user.name").json();
        return given().contentType(ContentType.JSON).body(body).post("/consents")
                .then().statusCode(201).extract().jsonPath();
    }
}

package com.privacyplatform.consent.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.events.CloudEventCodec;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.consent.support.Registry;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 3.5.d at scale: a terminated partner with many granted consents. The revocation runs in chunked
 * transactions; each consent is revoked, published and audited exactly once, also when the work
 * is interrupted between chunks and the event is delivered again.
 */
@QuarkusTest
@TestSecurity(user = "olivia", roles = "compliance-officer")
class BulkTerminationTest {

    static final String MANY = "c0a5e000-0000-4000-8000-000000000b01";
    static final String INTERRUPTED = "c0a5e000-0000-4000-8000-000000000b02";
    static final int CONSENTS = 1_200;

    @Test
    @Verifies(value = "3.5.d", exercises = {"Revocations#revokeAllOfTerminatedPartner", "PartnerEventsConsumer#terminated"})
    void terminationRevokesThousandsOfConsentsOnceEachAndARedeliveryChangesNothing() {
        Registry.activate(MANY, 1, false, Fixtures.SCOPE_B);
        grant(MANY, CONSENTS);
        String refused = Fixtures.consent(MANY, Fixtures.subject(), "payment_processing", "REFUSED", null, "user.name");
        byte[] terminated = terminated(MANY, Ids.newId());
        UUID eventId = UUID.fromString(CloudEventCodec.decode(terminated).getId());

        long started = System.nanoTime();
        Registry.publishRaw("partner.terminated", terminated);
        awaitProcessed(eventId);
        System.out.printf("BulkTerminationTest: %d consents revoked in %d ms%n", CONSENTS,
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        assertRevokedOnceEach(MANY);
        assertThat(TestDb.single("SELECT state FROM consent WHERE id = ?::uuid", refused)).isEqualTo("REFUSED");
        assertThat(given().get("/audit-records/verification").then().statusCode(200).extract().jsonPath()
                .getBoolean("valid")).isTrue();

        // the same event again, then a later event: once that is processed, the duplicate was too
        Registry.publishRaw("partner.terminated", terminated);
        Registry.scopeChanged(MANY, "TERMINATED", 2, false, Fixtures.SCOPE_B);
        assertRevokedOnceEach(MANY);
        assertThat(TestDb.count("SELECT count(*) FROM platform_inbox WHERE event_id = ?::uuid", eventId.toString()))
                .isEqualTo(1);
    }

    @Test
    @Verifies(value = "3.5.d", exercises = {"Revocations#revokeAllOfTerminatedPartner", "Revocations#revokeRemainingOfTerminatedPartner"})
    void aTerminationInterruptedBetweenChunksIsFinishedByTheRedeliveryWithoutRevokingAnyTwice() {
        Registry.activate(INTERRUPTED, 1, false, Fixtures.SCOPE_B);
        grant(INTERRUPTED, CONSENTS);
        // the second chunk fails once (a sequence is not rolled back): the first chunk has committed
        String victim = (String) TestDb.single("SELECT id::text FROM consent WHERE partner_id = ?::uuid"
                + " ORDER BY id OFFSET 700 LIMIT 1", INTERRUPTED);
        TestDb.execute("CREATE SEQUENCE bulk_test_fail_once",
                "CREATE FUNCTION bulk_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW.consent_id = '" + victim + "'::uuid AND nextval('bulk_test_fail_once') = 1 THEN"
                        + " RAISE EXCEPTION 'simulated crash between chunks'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER bulk_test_fail BEFORE INSERT ON consent_history FOR EACH ROW"
                        + " EXECUTE FUNCTION bulk_test_fail()");
        try {
            byte[] terminated = terminated(INTERRUPTED, Ids.newId());
            UUID eventId = UUID.fromString(CloudEventCodec.decode(terminated).getId());
            Registry.publishRaw("partner.terminated", terminated);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                    Boolean.TRUE.equals(TestDb.single("SELECT is_called FROM bulk_test_fail_once")));
            // the failed delivery committed exactly its first chunk and wrote no inbox row
            await().atMost(Duration.ofSeconds(10)).until(() -> TestDb.count("SELECT count(*) FROM consent"
                    + " WHERE partner_id = ?::uuid AND state = 'REVOKED'", INTERRUPTED) == 500);
            assertThat(TestDb.count("SELECT count(*) FROM platform_inbox WHERE event_id = ?::uuid",
                    eventId.toString())).isZero();

            Registry.publishRaw("partner.terminated", terminated); // the redelivery
            awaitProcessed(eventId);
            assertRevokedOnceEach(INTERRUPTED);
            assertThat(given().get("/audit-records/verification").then().statusCode(200).extract().jsonPath()
                    .getBoolean("valid")).isTrue();
        } finally {
            TestDb.execute("DROP TRIGGER bulk_test_fail ON consent_history", "DROP FUNCTION bulk_test_fail()",
                    "DROP SEQUENCE bulk_test_fail_once");
        }
    }

    /** {@code n} GRANTED consents of the partner, one per subject, with their RECORDED history entry. */
    private static void grant(String partnerId, int n) {
        TestDb.execute("INSERT INTO consent (id, subject_id, partner_id, purpose, categories, sensitive, decision,"
                + " state, legal_basis, method, notice_version, notice_hash, language, channel, jurisdiction,"
                + " collected_at, expires_at, recipients, recorded_at, state_changed_at)"
                + " SELECT gen_random_uuid(), 'subj-bulk-' || g || '-' || gen_random_uuid(), '" + partnerId + "',"
                + " 'analytics', ARRAY['user.device.identifier'], false, 'GRANTED', 'GRANTED', 'EXPRESS_CONSENT',"
                + " 'CHECKBOX', '2026-11', '" + Fixtures.NOTICE_HASH + "', 'zh-CN', 'WEB', 'CN',"
                + " now() - interval '1 hour', NULL, '{\"recipients\": []}', now(), now()"
                + " FROM generate_series(1, " + n + ") g",
                "INSERT INTO consent_history (id, consent_id, state, cause, actor, actor_role, at)"
                        + " SELECT gen_random_uuid(), id, 'GRANTED', 'RECORDED', 'partner:' || partner_id, 'partner',"
                        + " now() FROM consent WHERE partner_id = '" + partnerId + "'");
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE partner_id = ?::uuid AND state = 'GRANTED'",
                partnerId)).isEqualTo(n);
    }

    private static byte[] terminated(String partnerId, UUID eventId) {
        return CloudEventCodec.encode(eventId, "partner.terminated", Registry.SOURCE, partnerId,
                OffsetDateTime.now(ZoneOffset.UTC), Registry.statusJson(partnerId, "ACTIVE", "TERMINATED",
                        "contract ended", Instant.now()));
    }

    private static void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() ->
                TestDb.count("SELECT count(*) FROM platform_inbox WHERE event_id = ?::uuid", eventId.toString()) == 1);
    }

    /** Every consent of the partner revoked, with exactly one history entry, event and audit record for it. */
    private static void assertRevokedOnceEach(String partnerId) {
        String ofPartner = " IN (SELECT id FROM consent WHERE partner_id = '" + partnerId + "'::uuid AND decision = 'GRANTED')";
        String idsOfPartner = " IN (SELECT id::text FROM consent WHERE partner_id = '" + partnerId
                + "'::uuid AND decision = 'GRANTED')";
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE partner_id = ?::uuid AND state = 'GRANTED'",
                partnerId)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM consent WHERE partner_id = ?::uuid AND state = 'REVOKED'",
                partnerId)).isEqualTo(CONSENTS);
        List<Object> history = TestDb.rows("SELECT count(*), count(DISTINCT consent_id) FROM consent_history"
                + " WHERE cause = 'PARTNER_TERMINATED' AND consent_id" + ofPartner).get(0);
        assertThat(history).containsExactly((long) CONSENTS, (long) CONSENTS);
        List<Object> events = TestDb.rows("SELECT count(*), count(DISTINCT subject) FROM platform_outbox"
                + " WHERE type = 'consent.revoked' AND subject" + idsOfPartner).get(0);
        assertThat(events).containsExactly((long) CONSENTS, (long) CONSENTS);
        List<Object> audits = TestDb.rows("SELECT count(*), count(DISTINCT target_id) FROM platform_audit_record"
                + " WHERE action = 'consent.revoked' AND target_type = 'consent' AND target_id" + idsOfPartner).get(0);
        assertThat(audits).containsExactly((long) CONSENTS, (long) CONSENTS);
        assertThat(TestDb.single("SELECT min(reason) FROM consent_history WHERE cause = 'PARTNER_TERMINATED'"
                + " AND consent_id" + ofPartner)).isEqualTo("partner terminated: contract ended");
    }
}

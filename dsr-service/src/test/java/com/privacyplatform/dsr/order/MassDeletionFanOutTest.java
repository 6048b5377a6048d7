package com.privacyplatform.dsr.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.dsr.support.Fixtures;
import com.privacyplatform.dsr.support.Publish;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.1: mass deletion orders fan out in chunks (100 subjects in %test), four chunks at a time
 * ({@code dsr.mass-deletion.lanes}), each chunk a transaction of its own, and then a durable cursor
 * moves past them; interrupted fan-outs resume from it, and no subject ever gets a second request.
 */
@QuarkusTest
class MassDeletionFanOutTest {

    @Inject
    MassDeletionWorker worker;

    @AfterEach
    void noInterruption() {
        worker.interrupt(0, 0, false);
    }

    /** {@code subjects} subjects of the partner, one consent each (every tenth a second one), by SQL. */
    static void holdings(UUID partner, int subjects, String category) {
        TestDb.execute("INSERT INTO consent_holding (consent_id, partner_id, subject_id, purpose, categories,"
                + " recipients, status, granted_at, updated_at) SELECT gen_random_uuid(), '" + partner + "',"
                + " '" + partner + "-' || lpad(i::text, 6, '0'), 'payment_processing', '{" + category + "}', '[]',"
                + " 'ACTIVE', now(), now() FROM generate_series(1, " + subjects + ") i",
                "INSERT INTO consent_holding (consent_id, partner_id, subject_id, purpose, categories, recipients,"
                + " status, granted_at, updated_at) SELECT gen_random_uuid(), '" + partner + "', '" + partner + "-'"
                + " || lpad(i::text, 6, '0'), 'analytics', '{user.contact.email}', '[]', 'REVOKED', now(), now()"
                + " FROM generate_series(10, " + subjects + ", 10) i");
    }

    static List<Object> fanOut(String kind, UUID ref) {
        List<List<Object>> rows = TestDb.rows("SELECT subjects, requests, chunks, finished_at IS NOT NULL,"
                + " after_subject FROM deletion_fanout WHERE kind = ? AND ref = ?::uuid", kind, ref.toString());
        return rows.isEmpty() ? null : rows.get(0);
    }

    static void awaitFinished(String kind, UUID ref) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> fanOut(kind, ref) != null && Boolean.TRUE.equals(fanOut(kind, ref).get(3)));
    }

    static long requests(String origin, UUID ref) {
        return TestDb.count("SELECT count(*) FROM dsr_request WHERE origin = ? AND origin_ref = ?::uuid", origin,
                ref.toString());
    }

    static long subjectsTwice(String origin, UUID ref) {
        return TestDb.count("SELECT count(*) FROM (SELECT subject_id FROM dsr_request WHERE origin = ?"
                + " AND origin_ref = ?::uuid GROUP BY subject_id HAVING count(*) > 1) twice", origin, ref.toString());
    }

    @Test
    @Verifies(value = {"3.5.d", "3.4.j"}, exercises = "MassDeletions#orderChunk")
    void aLargePartnersTerminationIsFannedOutInSeveralChunksOneRequestAndTaskPerSubject() {
        UUID partner = Fixtures.newPartner();
        holdings(partner, 2500, "user.name");

        Publish.partnerTerminated(partner);
        awaitFinished(DeletionOrders.TERMINATION, partner);

        List<Object> job = fanOut(DeletionOrders.TERMINATION, partner);
        assertThat(((Number) job.get(0)).intValue()).isEqualTo(2500);
        assertThat(((Number) job.get(1)).intValue()).isEqualTo(2500);
        assertThat(((Number) job.get(2)).intValue()).isEqualTo(25);
        assertThat(job.get(4)).as("the cursor is cleared at the end").isNull();
        assertThat(requests("TERMINATION", partner)).isEqualTo(2500);
        assertThat(subjectsTwice("TERMINATION", partner)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM dsr_task t JOIN dsr_request r ON r.id = t.request_id"
                + " WHERE r.origin_ref = ?::uuid AND t.kind = 'PARTNER' AND t.status = 'OPEN'", partner.toString()))
                .isEqualTo(2500);
        // a subject with two consents: one task covering both
        assertThat(TestDb.single("SELECT array_to_string(t.categories, ',') FROM dsr_task t JOIN dsr_request r"
                + " ON r.id = t.request_id WHERE r.origin_ref = ?::uuid AND r.subject_id = ?", partner.toString(),
                partner + "-000010")).isEqualTo("user.contact.email,user.name");
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox o JOIN dsr_request r ON o.subject = r.id::text"
                + " WHERE r.origin_ref = ?::uuid AND o.type = 'dsr.submitted'", partner.toString())).isEqualTo(2500);
        assertThat(TestDb.single("SELECT requests || '/' || fanned_out FROM deletion_order WHERE kind = 'TERMINATION'"
                + " AND ref = ?::uuid", partner.toString())).isEqualTo("2500/true");
    }

    @Test
    @Verifies(value = "3.5.d", exercises = "MassDeletions#orderChunk")
    void aFanOutInterruptedBetweenChunksResumesFromItsCursorOnRedeliveryWithNoSubjectTwice() {
        UUID partner = Fixtures.newPartner();
        holdings(partner, 1000, "user.name");
        worker.interrupt(3, 2, false); // the next three runs stop after two steps (eight chunks) each

        UUID eventId = Ids.newId();
        Publish.partnerTerminated(eventId, partner);
        // stopped between chunks: what the cursor says is done is exactly what exists
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<Object> job = fanOut(DeletionOrders.TERMINATION, partner);
            return job != null && ((Number) job.get(2)).intValue() >= 2 && Boolean.FALSE.equals(job.get(3));
        });
        List<List<Object>> midway = TestDb.rows("SELECT f.requests, (SELECT count(*) FROM dsr_request r WHERE"
                + " r.origin = 'TERMINATION' AND r.origin_ref = f.ref)"
                + " FROM deletion_fanout f WHERE f.kind = 'TERMINATION' AND f.ref = ?::uuid", partner.toString());
        assertThat(((Number) midway.get(0).get(0)).longValue()).isEqualTo(((Number) midway.get(0).get(1)).longValue())
                .isLessThan(1000);

        Publish.partnerTerminated(eventId, partner); // the same event again (a redelivery)
        Publish.partnerTerminated(partner);          // and the same termination under another id
        awaitFinished(DeletionOrders.TERMINATION, partner);

        List<Object> job = fanOut(DeletionOrders.TERMINATION, partner);
        assertThat(((Number) job.get(1)).intValue()).isEqualTo(1000);
        assertThat(((Number) job.get(2)).intValue()).as("no chunk was done twice").isEqualTo(10);
        assertThat(requests("TERMINATION", partner)).isEqualTo(1000);
        assertThat(subjectsTwice("TERMINATION", partner)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox o JOIN dsr_request r ON o.subject = r.id::text"
                + " WHERE r.origin_ref = ?::uuid AND o.type = 'dsr.task-created'", partner.toString())).isEqualTo(1000);
        assertThat(TestDb.count("SELECT count(*) FROM deletion_order WHERE kind = 'TERMINATION' AND ref = ?::uuid",
                partner.toString())).isEqualTo(1);
    }

    @Test
    @Verifies(value = "3.4.j", exercises = "MassDeletions#orderChunk")
    void aStepThatFailsAfterItsChunksCommittedIsRedoneWithNoSubjectTwiceAndItsRequestsCounted() {
        UUID partner = Fixtures.newPartner();
        UUID incident = Ids.newId();
        holdings(partner, 650, "user.financial.bank_account");
        // the first step fails twice after its chunks' requests were committed, before the cursor moved
        worker.interrupt(2, 0, true);

        Publish.breachDeletionOrdered(incident, partner, List.of("user.contact.email"));
        awaitFinished(DeletionOrders.BREACH, incident);

        // only the subjects holding the ordered category (every tenth) are concerned
        assertThat(requests("BREACH_ORDER", incident)).isEqualTo(65);
        assertThat(subjectsTwice("BREACH_ORDER", incident)).isZero();
        List<Object> job = fanOut(DeletionOrders.BREACH, incident);
        assertThat(((Number) job.get(0)).intValue()).as("subjects").isEqualTo(650);
        assertThat(((Number) job.get(1)).intValue()).as("requests, those of the redone steps once").isEqualTo(65);
        assertThat(((Number) job.get(2)).intValue()).as("chunks").isEqualTo(7);
        assertThat(TestDb.count("SELECT requests FROM deletion_order WHERE kind = 'BREACH' AND ref = ?::uuid",
                incident.toString())).isEqualTo(65);
        assertThat(TestDb.count("SELECT count(*) FROM dsr_task t JOIN dsr_request r ON r.id = t.request_id"
                + " WHERE r.origin_ref = ?::uuid", incident.toString())).isEqualTo(65);
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE type = 'dsr.submitted'"
                + " AND payload->>'origin' = 'BREACH_ORDER' AND subject IN (SELECT id::text FROM dsr_request"
                + " WHERE origin_ref = ?::uuid)", incident.toString())).isEqualTo(65);
        assertThat(TestDb.count("SELECT count(*) FROM dsr_timeline_entry e JOIN dsr_request r ON r.id = e.request_id"
                + " WHERE r.origin_ref = ?::uuid", incident.toString())).isEqualTo(130);
    }

    @Test
    @Verifies(value = "3.5.d", exercises = "MassDeletions#orderChunk")
    void theDatabaseRefusesASecondRequestForASubjectOfTheSameOrder() {
        UUID partner = Fixtures.newPartner();
        holdings(partner, 3, "user.name");
        Publish.partnerTerminated(partner);
        awaitFinished(DeletionOrders.TERMINATION, partner);

        String request = TestDb.single("SELECT id::text FROM dsr_request WHERE origin_ref = ?::uuid LIMIT 1",
                partner.toString()).toString();
        assertThatThrownBy(() -> TestDb.execute("CREATE TEMP TABLE copy AS SELECT * FROM dsr_request WHERE id = '"
                + request + "'", "UPDATE copy SET id = gen_random_uuid()", "INSERT INTO dsr_request SELECT * FROM copy"))
                .hasMessageContaining("dsr_request_ordered_subject");
    }
}

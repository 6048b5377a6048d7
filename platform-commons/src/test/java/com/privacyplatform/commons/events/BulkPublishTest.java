package com.privacyplatform.commons.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.support.Partners;
import com.privacyplatform.commons.support.Widgets;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link Outbox#publishAll} and {@code AuditTrail#recordAll}: many rows, the caller's one transaction. */
@QuarkusTest
@TestSecurity(user = "partner-a", roles = "partner")
@OidcSecurity(claims = @Claim(key = "partner_id", value = Partners.A))
class BulkPublishTest {

    @Test
    @Verifies({"4.1", "1.8"})
    void publishAllWritesEveryRowInTheCallersTransactionAndTheRelayDeliversThemInOrder() {
        String id = Widgets.create("bulk-" + UUID.randomUUID());
        given().post("/test/widgets/" + id + "/touches/bulk?count=2300").then().statusCode(204);

        List<List<Object>> rows = TestDb.rows("SELECT id::text, payload->>'n', jsonb_typeof(payload) FROM platform_outbox"
                + " WHERE type = 'widget.touched' AND subject = ? ORDER BY seq", id);
        assertThat(rows).hasSize(2300); // more than one multi-row statement
        for (int i = 0; i < rows.size(); i++) {
            assertThat(UUID.fromString((String) rows.get(i).get(0)).version()).isEqualTo(7);
            assertThat(rows.get(i).get(1)).isEqualTo(Integer.toString(i + 1)); // seq order is the list's order
            assertThat(rows.get(i).get(2)).isEqualTo("object");
        }
        // the audit records are appended in the list's order, and the chainer links them in that order
        List<String> appended = TestDb.rows("SELECT details FROM platform_audit_record WHERE action = 'widget.touched'"
                + " AND target_id = ? ORDER BY append_seq", id).stream().map(r -> (String) r.get(0)).toList();
        assertThat(appended).hasSize(2300).first().isEqualTo("{\"n\":1}");
        assertThat(appended).last().isEqualTo("{\"n\":2300}");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count("SELECT count(*) FROM platform_audit_record"
                + " WHERE action = 'widget.touched' AND target_id = ? AND seq IS NOT NULL", id) == 2300);
        // the batch continues the hash chain: contiguous seq, each record names its predecessor's hash
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record r JOIN platform_audit_record p"
                + " ON p.seq = r.seq - 1 AND p.hash = r.prev_hash WHERE r.action = 'widget.touched'"
                + " AND r.target_id = ?", id)).isEqualTo(2300);
        assertThat(TestDb.rows("SELECT details FROM platform_audit_record WHERE action = 'widget.touched'"
                + " AND target_id = ? ORDER BY seq", id).stream().map(r -> (String) r.get(0)).toList())
                .isEqualTo(appended);

        // the relay is unchanged: every event reaches the consumer, in the order written
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDb.count(
                "SELECT count(*) FROM test_effect WHERE event_type = 'widget.touched' AND subject = ?", id) == 2300);
        List<Integer> order = TestDb.rows("SELECT n FROM test_effect WHERE event_type = 'widget.touched'"
                + " AND subject = ? ORDER BY applied_order", id).stream().map(r -> (Integer) r.get(0)).toList();
        assertThat(order).isSorted().hasSize(2300);
    }

    @Test
    void aRolledBackBulkLeavesNoRowBehind() {
        String id = Widgets.create("bulk-rollback-" + UUID.randomUUID());
        given().post("/test/widgets/" + id + "/touches/bulk?count=50&rollback=true").then().statusCode(409);
        assertThat(TestDb.count("SELECT count(*) FROM platform_outbox WHERE type = 'widget.touched' AND subject = ?",
                id)).isZero();
        assertThat(TestDb.count("SELECT count(*) FROM platform_audit_record WHERE action = 'widget.touched'"
                + " AND target_id = ?", id)).isZero();
    }
}

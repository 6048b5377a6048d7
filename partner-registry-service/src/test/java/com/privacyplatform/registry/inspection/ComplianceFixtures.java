package com.privacyplatform.registry.inspection;

import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.registry.assessment.FindingOverdueScanner;
import com.privacyplatform.testing.TestDb;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Rows for the inspection, audit and scorecard tests, written straight into the test database so
 * that a test can start "two years after activation" or "a week after a deadline". Every call
 * makes fresh rows, except the fixed partners that {@code @OidcSecurity} claims name.
 */
public final class ComplianceFixtures {

    /** Fixed partner ids for partner tokens (annotation values must be constants); one per scenario. */
    public static final String OWN_SUBMITTER = "1a5e0000-0000-4000-8000-000000000a01";
    public static final String OWN_READER = "1a5e0000-0000-4000-8000-000000000a02";
    public static final String OTHER = "1a5e0000-0000-4000-8000-000000000b01";
    public static final String AUDITED = "1a5e0000-0000-4000-8000-000000000a03";
    public static final String RECTIFIER = "1a5e0000-0000-4000-8000-000000000a04";
    public static final String SCORED = "1a5e0000-0000-4000-8000-000000000a05";

    private ComplianceFixtures() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The fixed partner, ACTIVE since {@code activatedDaysAgo}; created once per run. */
    public static UUID fixed(String id, int activatedDaysAgo) {
        UUID partnerId = UUID.fromString(id);
        if (TestDb.count("SELECT count(*) FROM partner WHERE id = ?::uuid", id) == 0) {
            insert(partnerId, "ACTIVE", activatedDaysAgo);
        }
        return partnerId;
    }

    /** A fresh partner in {@code status}; for ACTIVE/SUSPENDED/TERMINATED it was activated {@code activatedDaysAgo}. */
    public static UUID partner(String status, int activatedDaysAgo) {
        UUID id = Ids.newId();
        insert(id, status, activatedDaysAgo);
        return id;
    }

    private static void insert(UUID id, String status, int daysAgo) {
        String at = "now() - interval '" + daysAgo + " days'";
        TestDb.execute("INSERT INTO partner (id, legal_name, jurisdiction, oidc_client_id, contact_name, contact_email,"
                + " status, status_reason, status_changed_at, officer_name, officer_email, officer_department,"
                + " officer_updated_at, created_at, updated_at) VALUES ('" + id + "', 'Inspected " + id
                + " Ltd.', 'CN', 'inspected-" + id + "', 'Li Wei', 'li.wei@shop.example', '" + status + "', 'fixture', " + at
                + ", 'Zhang San', 'zhang.san@shop.example', 'Security', " + at + ", " + at + ", " + at + ")");
        if (!status.equals("PENDING")) {
            TestDb.execute("INSERT INTO partner_status_change (id, partner_id, from_status, to_status, reason, actor,"
                    + " changed_at) VALUES ('" + Ids.newId() + "', '" + id + "', 'PENDING', 'ACTIVE', 'fixture',"
                    + " 'user:olivia', " + at + ")");
        }
    }

    /** A submitted self-inspection report for the period. */
    public static UUID inspection(UUID partnerId, LocalDate start, LocalDate end) {
        UUID id = Ids.newId();
        TestDb.execute("INSERT INTO self_inspection (id, partner_id, period_start, period_end, content,"
                + " failed_items, submitted_by, submitted_at) VALUES ('" + id + "', '" + partnerId + "', '" + start
                + "', '" + end + "', '{\"checklist\": [], \"findings\": []}', 0, 'partner:" + partnerId + "', now())");
        return id;
    }

    /** An audit that started {@code startedDaysAgo} days ago (negative: starts in the future). */
    public static UUID audit(UUID partnerId, int startedDaysAgo) {
        UUID id = Ids.newId();
        TestDb.execute("INSERT INTO assessment (id, partner_id, status, scheduled_start, notice_given_at, scope,"
                + " scheduled_by, created_at, updated_at) VALUES ('" + id + "', '" + partnerId + "', 'SCHEDULED',"
                + " now() - interval '" + startedDaysAgo + " days', now() - interval '" + (startedDaysAgo + 20)
                + " days', 'access control', 'user:olivia', now(), now())");
        return id;
    }

    /** A finding in {@code status} whose rectification is due {@code dueInDays} from today (negative: past). */
    public static UUID finding(UUID auditId, UUID partnerId, String severity, boolean material, int dueInDays,
            String status) {
        UUID id = Ids.newId();
        TestDb.execute("INSERT INTO assessment_finding (id, assessment_id, partner_id, severity, material, description,"
                + " rectification_due, status, recorded_at, updated_at) VALUES ('" + id + "', '" + auditId + "', '"
                + partnerId + "', '" + severity + "', " + material + ", 'backups unencrypted', '"
                + today().plusDays(dueInDays) + "', '" + status + "', now(), now())");
        return id;
    }

    /** A self-inspection request body; {@code securityResult} is the result of the one SYSTEM_SECURITY item. */
    public static String report(LocalDate start, LocalDate end, String securityResult, String findingsJson) {
        return """
                {"periodStart": "%s", "periodEnd": "%s",
                 "checklist": [
                   {"area": "SYSTEM_SECURITY", "item": "Access reviewed", "result": "%s", "note": "quarterly"},
                   {"area": "IMPLEMENTATION_OF_REQUIREMENTS", "item": "Retention rules applied", "result": "PASS"}],
                 "findings": %s,
                 "summary": "annual review"}""".formatted(start, end, securityResult, findingsJson);
    }

    /** A report of the year that ended yesterday, all PASS. */
    public static String cleanReport() {
        return report(today().minusYears(1), today().minusDays(1), "PASS", "[]");
    }

    /** Runs the inspection overdue scan as the scheduler would, on a Vert.x context. */
    public static int scan(InspectionOverdueScanner scanner) {
        return await(scanner::scan);
    }

    public static int scan(FindingOverdueScanner scanner) {
        return await(scanner::scan);
    }

    private static int await(Supplier<Uni<Integer>> scan) {
        try {
            return VertxContextSupport.subscribeAndAwait(scan);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

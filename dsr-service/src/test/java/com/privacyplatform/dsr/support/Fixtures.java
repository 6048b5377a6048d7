package com.privacyplatform.dsr.support;

import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.dsr.deadline.DeadlineRules;
import com.privacyplatform.dsr.deadline.Deadlines;
import com.privacyplatform.dsr.request.RequestOrigin;
import com.privacyplatform.testing.MovableClock;
import com.privacyplatform.testing.TestDb;
import io.quarkus.arc.Arc;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Fixed identities for {@code @TestSecurity}/{@code @OidcSecurity} (annotation values must be
 * constants) and rows written straight into the test database. Every scenario uses its own subject,
 * so requests of one test never look like duplicates of another's.
 */
public final class Fixtures {

    /** Partners of @OidcSecurity claims (not the demo realm's). */
    public static final String PARTNER_A = "d5a00000-0000-4000-8000-00000000000a";
    public static final String PARTNER_B = "d5a00000-0000-4000-8000-00000000000b";
    /** The demo realm's partner-demo-a / partner-demo-b (partner_id claims of real tokens). */
    public static final String DEMO_A = "2b9ab027-cb68-523d-81ec-293ae3eaf63b";
    public static final String DEMO_B = "e323d24b-b3af-54e4-9942-b04f7ce699c8";
    /** The demo realm's users. */
    public static final String ALICE = "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c";
    public static final String BOB = "6b1f2c1e-3d4a-4f5b-8c6d-000000000b0b";

    public static final String ACTIVE = "ACTIVE";

    private Fixtures() {
    }

    public static UUID partnerA() {
        return UUID.fromString(PARTNER_A);
    }

    public static UUID partnerB() {
        return UUID.fromString(PARTNER_B);
    }

    public static String newSubject() {
        return Ids.newId().toString();
    }

    public static UUID newPartner() {
        return Ids.newId();
    }

    /** A consent the partner obtained, as the projection holds it after consent.granted (no jurisdiction named). */
    public static UUID holding(UUID partnerId, String subjectId, String status, String purpose,
            List<String> categories, String recipientsJson) {
        return holdingUnder(null, partnerId, subjectId, status, purpose, categories, recipientsJson);
    }

    /** A consent collected under {@code jurisdiction} (null: the event named none). */
    public static UUID holdingUnder(String jurisdiction, UUID partnerId, String subjectId, String status,
            String purpose, List<String> categories, String recipientsJson) {
        UUID consentId = Ids.newId();
        TestDb.execute("INSERT INTO consent_holding (consent_id, partner_id, subject_id, purpose, categories,"
                + " recipients, status, jurisdiction, granted_at, updated_at) VALUES ('" + consentId + "', '"
                + partnerId + "', '" + subjectId + "', '" + purpose + "', '{" + String.join(",", categories) + "}', '"
                + (recipientsJson == null ? "[]" : recipientsJson) + "', '" + status + "', "
                + (jurisdiction == null ? "NULL" : "'" + jurisdiction + "'") + ", now(), now())");
        return consentId;
    }

    /** An active consent for order fulfilment collected under {@code jurisdiction}. */
    public static UUID holdingUnder(String jurisdiction, UUID partnerId, String subjectId, String... categories) {
        return holdingUnder(jurisdiction, partnerId, subjectId, ACTIVE, "order_fulfilment", List.of(categories), null);
    }

    /**
     * The subject's consent to retention after the end of the cooperation (3.5.d), as the projection
     * holds it after consent.granted: {@code method} and {@code collectedAt} (SQL, e.g. {@code now()}).
     */
    public static UUID retentionConsent(UUID partnerId, String subjectId, String status, String method,
            String collectedAtSql, String... categories) {
        UUID consentId = holding(partnerId, subjectId, status, "retention_after_cooperation", List.of(categories),
                null);
        TestDb.execute("UPDATE consent_holding SET method = " + (method == null ? "NULL" : "'" + method + "'")
                + ", collected_at = " + collectedAtSql + " WHERE consent_id = '" + consentId + "'");
        return consentId;
    }

    /** A legal-obligation retention basis as the officer left it ({@code status} APPROVED, PENDING_REVIEW, ...). */
    public static UUID legalObligation(UUID partnerId, String subjectId, String category, String status) {
        return UUID.fromString(TestDb.single("INSERT INTO retention_basis (id, partner_id, subject_id, category,"
                + " legal_basis, explanation, law, retention_period, status, recorded_by, recorded_at) VALUES"
                + " (gen_random_uuid(), '" + partnerId + "', " + (subjectId == null ? "NULL" : "'" + subjectId + "'")
                + ", " + (category == null ? "NULL" : "'" + category + "'") + ", 'LEGAL_OBLIGATION',"
                + " 'anti-money-laundering records', 'AML act s. 8', 'P5Y', '" + status + "', 'partner:" + partnerId
                + "', now()) RETURNING id::text").toString());
    }

    /** The partner's jurisdiction, as the projection would hold it after partner.activated. */
    public static void partnerUnder(String jurisdiction, UUID partnerId) {
        TestDb.execute("INSERT INTO partner_jurisdiction (partner_id, jurisdiction, as_of, updated_at) VALUES ('"
                + partnerId + "', '" + jurisdiction + "', now(), now()) ON CONFLICT (partner_id) DO UPDATE SET"
                + " jurisdiction = excluded.jurisdiction");
    }

    public static UUID holding(UUID partnerId, String subjectId, String... categories) {
        return holding(partnerId, subjectId, ACTIVE, "order_fulfilment", List.of(categories), null);
    }

    public static String recipients(String... nameCountryPairs) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i + 1 < nameCountryPairs.length; i += 2) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"name\":\"").append(nameCountryPairs[i]).append("\",\"country\":\"")
                    .append(nameCountryPairs[i + 1]).append("\"}");
        }
        return json.append(']').toString();
    }

    /**
     * Runs {@code inTime} - a request's receipt, resting on consents under {@code jurisdictions} (none:
     * the fallback policy), and what was done about it before its deadline - with the clock moved back so
     * far that the request was due {@code daysAgo} days ago (or a little earlier, where its policy counts
     * business days); then back to real time. Back, not forward: moving the clock a month ahead would make
     * every request of the shared test database overdue at once (thousands of tasks), and the scan's
     * batches would not reach this one.
     */
    public static <T> T dueDaysAgo(int daysAgo, List<String> jurisdictions, Supplier<T> inTime) {
        MovableClock clock = Arc.container().instance(MovableClock.class).get();
        DeadlineRules rules = Arc.container().instance(Deadlines.class).get().rules();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate due = today.minusDays(daysAgo);
        int back = daysAgo;
        while (rules.earliest(jurisdictions, RequestOrigin.SUBJECT.name(), today.minusDays(back)).dueOn()
                .isAfter(due)) {
            back++;
        }
        return clock.movedBy(Duration.ofDays(back).negated(), inTime);
    }

    public static String status(UUID requestId) {
        return (String) TestDb.single("SELECT status FROM dsr_request WHERE id = ?::uuid", requestId.toString());
    }

    public static long tasksOf(UUID requestId) {
        return TestDb.count("SELECT count(*) FROM dsr_task WHERE request_id = ?::uuid", requestId.toString());
    }

    public static long requestsOf(String subjectId) {
        return TestDb.count("SELECT count(*) FROM dsr_request WHERE subject_id = ?", subjectId);
    }

    /** The id of the only task of {@code partnerId} in the request. */
    public static UUID taskOf(UUID requestId, UUID partnerId, String kind) {
        return UUID.fromString(TestDb.single("SELECT id::text FROM dsr_task WHERE request_id = ?::uuid"
                + " AND partner_id = ?::uuid AND kind = ? ORDER BY recipient_name NULLS FIRST LIMIT 1",
                requestId.toString(), partnerId.toString(), kind).toString());
    }
}

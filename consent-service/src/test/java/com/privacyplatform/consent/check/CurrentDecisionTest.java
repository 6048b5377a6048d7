package com.privacyplatform.consent.check;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.privacyplatform.api.clause.Verifies;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.consent.expiry.ExpiryScanner;
import com.privacyplatform.consent.support.Fixtures;
import com.privacyplatform.consent.support.Registry;
import com.privacyplatform.testing.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The check reads {@code consent_current}, one row per partner x subject x purpose kept by a trigger
 * in the transaction of every decision. After each kind of change the table holds exactly the
 * decision the check chose from the full history before (live first, then the newest), and the
 * very next check answers from the change.
 */
@QuarkusTest
class CurrentDecisionTest {

    /** A partner of its own, terminated by one of the tests. */
    static final String TERMINATED = "c0a5e000-0000-4000-8000-000000000c22";

    /**
     * The check's former read over the history (partner, subject, purpose -> live decision first,
     * then the newest), for every triple that has a decision, next to the triple's consent_current
     * row: the rows where the two differ, in one snapshot.
     */
    static final String DIFFERENCES = """
            SELECT t.partner_id, t.subject_id, t.purpose, h.id, h.state, cur.consent_id, cur.state
            FROM (SELECT DISTINCT partner_id, subject_id, purpose FROM consent) t
            CROSS JOIN LATERAL (
                SELECT id, state, categories, expires_at, legal_basis FROM consent c
                WHERE c.partner_id = t.partner_id AND c.subject_id = t.subject_id AND c.purpose = t.purpose
                ORDER BY (state IN ('GRANTED', 'REFUSED')) DESC, recorded_at DESC, id DESC
                LIMIT 1) h
            LEFT JOIN consent_current cur
                   ON cur.partner_id = t.partner_id AND cur.subject_id = t.subject_id AND cur.purpose = t.purpose
            WHERE (h.id, h.state, h.categories, h.expires_at, h.legal_basis)
                  IS DISTINCT FROM (cur.consent_id, cur.state, cur.categories, cur.expires_at, cur.legal_basis)
            UNION ALL
            SELECT cur.partner_id, cur.subject_id, cur.purpose, NULL, NULL, cur.consent_id, cur.state
            FROM consent_current cur
            WHERE NOT EXISTS (SELECT 1 FROM consent c WHERE c.partner_id = cur.partner_id
                              AND c.subject_id = cur.subject_id AND c.purpose = cur.purpose)""";

    @Inject
    ExpiryScanner scanner;

    @BeforeAll
    static void partners() {
        Fixtures.knownPartners();
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies({"1.1", "3.1.a"})
    void eachNewDecisionIsWhatTheVeryNextCheckAnswersFrom() {
        String subject = Fixtures.subject();
        String granted = record(subject, true, "user.device.identifier");
        check(subject, "user.device.identifier").body("decision", equalTo("ALLOW")).body("consentId", equalTo(granted));

        String refused = record(subject, false, "user.device.identifier");
        check(subject, "user.device.identifier").body("reason", equalTo("CONSENT_REFUSED"))
                .body("consentId", equalTo(refused));

        String again = record(subject, true, "user.device.identifier", "user.behavior.browsing");
        check(subject, "user.behavior.browsing").body("decision", equalTo("ALLOW")).body("consentId", equalTo(again));

        assertThat(TestDb.rows("SELECT state FROM consent WHERE subject_id = ? ORDER BY id", subject))
                .containsExactly(List.of("SUPERSEDED"), List.of("SUPERSEDED"), List.of("GRANTED"));
        assertThat(TestDb.rows("SELECT consent_id::text, state FROM consent_current WHERE subject_id = ?", subject))
                .containsExactly(List.of(again, "GRANTED"));
        assertNoDifferences();
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies("3.5.a")
    void aRevocationIsSeenByTheVeryNextCheck() {
        String subject = Fixtures.subject();
        String id = record(subject, true, "user.device.identifier");
        check(subject, "user.device.identifier").body("decision", equalTo("ALLOW"));

        given().contentType(ContentType.JSON).post("/consents/" + id + "/revocation").then().statusCode(200);
        // no wait, no retry: the revocation's transaction wrote the check's row
        check(subject, "user.device.identifier").body("decision", equalTo("DENY"))
                .body("reason", equalTo("CONSENT_REVOKED")).body("consentId", equalTo(id));
        assertNoDifferences();
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies("3.5.a")
    void aDsrRevocationRequestIsSeenByTheVeryNextCheck() {
        String subject = Fixtures.subject();
        String withA = Fixtures.consent(Fixtures.A, subject, "analytics", "GRANTED", null, "user.device.identifier");
        Fixtures.consent(Fixtures.B, subject, "analytics", "GRANTED", null, "user.device.identifier");
        check(subject, "user.device.identifier").body("decision", equalTo("ALLOW"));

        UUID requestId = UUID.randomUUID();
        // returns once consent-service has committed the event's transaction
        Registry.publishFrom("/dsr-service", "dsr.revocation-requested", requestId.toString(), "{\"requestId\":\""
                + requestId + "\",\"subjectId\":\"" + subject + "\",\"partnerIds\":[],\"reason\":\"REVOKE_AUTHORIZATION\"}");
        check(subject, "user.device.identifier").body("reason", equalTo("CONSENT_REVOKED"))
                .body("consentId", equalTo(withA));
        assertThat(TestDb.rows("SELECT state FROM consent_current WHERE subject_id = ?", subject))
                .containsExactly(List.of("REVOKED"), List.of("REVOKED"));
        assertNoDifferences();
    }

    @Test
    @TestSecurity(user = "olivia", roles = "compliance-officer")
    @Verifies("3.5.d")
    void aTerminationRevokesEveryRowOfThePartner() {
        Registry.activate(TERMINATED, 1, false, Fixtures.SCOPE_B);
        String subject = Fixtures.subject();
        Fixtures.consent(TERMINATED, subject, "analytics", "GRANTED", null, "user.device.identifier");
        Fixtures.consent(TERMINATED, subject, "payment_processing", "GRANTED", null, "user.name");
        Fixtures.consent(TERMINATED, Fixtures.subject(), "payment_processing", "REFUSED", null, "user.name");

        Registry.status("partner.terminated", TERMINATED, "ACTIVE", "TERMINATED", "contract ended", Instant.now());
        assertThat(TestDb.rows("SELECT state FROM consent_current WHERE partner_id = ?::uuid ORDER BY state",
                TERMINATED)).containsExactly(List.of("REFUSED"), List.of("REVOKED"), List.of("REVOKED"));
        given().contentType(ContentType.JSON).body("{\"partnerId\":\"" + TERMINATED + "\",\"subjectId\":\"" + subject
                        + "\",\"purpose\":\"analytics\",\"category\":\"user.device.identifier\"}")
                .post("/consents/check").then().statusCode(200).body("reason", equalTo("PARTNER_TERMINATED"));
        assertNoDifferences();
    }

    @Test
    @TestSecurity(user = "partner-a", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = Fixtures.A))
    @Verifies("3.2.a")
    void aPastExpiryDeniesBeforeTheScanAndTheScanMarksTheRowExpired() throws Throwable {
        String subject = Fixtures.subject();
        String id = grantedUntil(subject, "now() - interval '1 second'");
        check(subject, "user.device.identifier").body("reason", equalTo("CONSENT_EXPIRED"));
        assertThat(TestDb.single("SELECT state FROM consent_current WHERE consent_id = ?::uuid", id))
                .isEqualTo("GRANTED");

        assertThat(VertxContextSupport.subscribeAndAwait(scanner::scan)).isGreaterThanOrEqualTo(1);
        assertThat(TestDb.single("SELECT state FROM consent_current WHERE consent_id = ?::uuid", id))
                .isEqualTo("EXPIRED");
        check(subject, "user.device.identifier").body("reason", equalTo("CONSENT_EXPIRED"))
                .body("consentId", equalTo(id));
        assertNoDifferences();
    }

    @Test
    void theMigrationsBackfillBuildsTheSameRowsAsTheTrigger() throws SQLException, IOException {
        String backfill = backfillStatement();
        try (Connection c = TestDb.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                st.execute("CREATE TEMP TABLE kept ON COMMIT DROP AS SELECT * FROM consent_current");
                st.execute("DELETE FROM consent_current");
                st.execute(backfill);
                try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM consent_current),"
                        + " (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM consent_current) a)"
                        + " + (SELECT count(*) FROM (SELECT * FROM consent_current EXCEPT SELECT * FROM kept) b)")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("rows rebuilt").isPositive();
                    assertThat(rs.getLong(2)).as("rows that differ").isZero();
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** Anywhere in the database, in one snapshot: the check's row is the decision it chose from the history before. */
    static void assertNoDifferences() {
        assertThat(TestDb.rows(DIFFERENCES)).isEmpty();
    }

    private static String record(String subject, boolean granted, String... categories) {
        return given().contentType(ContentType.JSON).body(Fixtures.body(subject).purpose("analytics", granted, categories)
                .json()).post("/consents").then().statusCode(201).extract().path("items[0].consent.id");
    }

    private static String grantedUntil(String subject, String expiresAt) {
        String id = Ids.newId().toString();
        TestDb.execute("INSERT INTO consent (id, subject_id, partner_id, purpose, categories, sensitive, decision, state,"
                + " legal_basis, method, notice_version, notice_hash, language, channel, jurisdiction, collected_at,"
                + " expires_at, recipients, recorded_at, state_changed_at) VALUES ('" + id + "', '" + subject + "', '"
                + Fixtures.A + "', 'analytics', ARRAY['user.device.identifier'], false, 'GRANTED', 'GRANTED',"
                + " 'EXPRESS_CONSENT', 'CHECKBOX', '2026-11', '" + Fixtures.NOTICE_HASH + "', 'zh-CN', 'WEB', 'CN',"
                + " now() - interval '1 day', " + expiresAt + ", '{\"recipients\": []}', now(), now())");
        return id;
    }

    private static io.restassured.response.ValidatableResponse check(String subject, String category) {
        return CheckTest.check(null, subject, "analytics", category);
    }

    /** The migration's own backfill statement, as Flyway ran it. */
    private static String backfillStatement() throws IOException {
        try (InputStream in = CurrentDecisionTest.class.getResourceAsStream(
                "/db/migration/V2026_12_06_101__consent_current.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf("INSERT INTO consent_current", sql.indexOf("-- Backfill"));
            return sql.substring(start, sql.indexOf(';', start));
        }
    }
}

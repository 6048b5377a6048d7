package com.privacyplatform.consent.check;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The hot path's single statement on the reactive pool (no ORM session): the partner projection,
 * the scope pair (primary key lookup) and the (partner, subject, purpose) row of
 * {@code consent_current} - an index-only probe of {@code consent_current_key}, whose size follows
 * the triples decided, not the history. One round trip, prepared once per connection. The row is
 * written by a trigger in the transaction of every decision and state change (migration
 * {@code V2026_12_06_101}), so the very next check sees it.
 */
@ApplicationScoped
public class CheckRepository {

    static final String SQL = """
            SELECT p.status, coalesce(p.adm_authorized, false) AS adm,
                   EXISTS (SELECT 1 FROM partner_scope s
                           WHERE s.partner_id = $1 AND s.purpose = $3 AND s.category = $4) AS in_scope,
                   c.consent_id AS id, c.state, c.expires_at, coalesce($4 = ANY (c.categories), false) AS covers, c.legal_basis
            FROM (SELECT 1) AS one
            LEFT JOIN partner_projection p ON p.partner_id = $1
            LEFT JOIN consent_current c ON c.partner_id = $1 AND c.subject_id = $2 AND c.purpose = $3""";

    /**
     * The same, and what the decision says of one recipient (3.3.a, matched by name, case and outer
     * spaces ignored) with whether an APPROVED transfer covers the category in that recipient's
     * country (3.3.c): the decision's row by primary key, only when a recipient is asked about.
     */
    static final String SQL_WITH_RECIPIENT = """
            SELECT p.status, coalesce(p.adm_authorized, false) AS adm,
                   EXISTS (SELECT 1 FROM partner_scope s
                           WHERE s.partner_id = $1 AND s.purpose = $3 AND s.category = $4) AS in_scope,
                   c.consent_id AS id, c.state, c.expires_at, coalesce($4 = ANY (c.categories), false) AS covers, c.legal_basis,
                   coalesce(r.named, false) AS named, r.country, p.jurisdiction,
                   EXISTS (SELECT 1 FROM partner_transfer t
                           WHERE t.partner_id = $1 AND t.destination_country = r.country
                             AND $4 = ANY (t.categories)) AS transfer_covers
            FROM (SELECT 1) AS one
            LEFT JOIN partner_projection p ON p.partner_id = $1
            LEFT JOIN consent_current c ON c.partner_id = $1 AND c.subject_id = $2 AND c.purpose = $3
            LEFT JOIN consent k ON k.id = c.consent_id
            LEFT JOIN LATERAL (SELECT true AS named, e ->> 'country' AS country
                               FROM jsonb_array_elements(k.recipients -> 'recipients') AS e
                               WHERE lower(btrim(e ->> 'name')) = lower(btrim($5)) LIMIT 1) AS r ON true""";

    private final Pool pool;

    public CheckRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<CheckRow> find(UUID partnerId, String subjectId, String purpose, String category) {
        return pool.preparedQuery(SQL).execute(Tuple.of(partnerId, subjectId, purpose, category))
                .map(rows -> row(rows.iterator().next()));
    }

    /** With {@code recipient} null, exactly {@link #find(UUID, String, String, String)}. */
    public Uni<CheckRow> find(UUID partnerId, String subjectId, String purpose, String category, String recipient) {
        if (recipient == null) {
            return find(partnerId, subjectId, purpose, category);
        }
        return pool.preparedQuery(SQL_WITH_RECIPIENT)
                .execute(Tuple.of(partnerId, subjectId, purpose, category, recipient))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    CheckRow base = row(r);
                    String jurisdiction = r.getString("jurisdiction");
                    return new CheckRow(base.partnerStatus(), base.admAuthorized(), base.inScope(), base.consentId(),
                            base.consentState(), base.expiresAt(), base.coversCategory(), base.legalBasis(),
                            new CheckRow.RecipientFacts(r.getBoolean("named"), r.getString("country"),
                                    jurisdiction == null ? null : jurisdiction.strip(), r.getBoolean("transfer_covers")));
                });
    }

    private static CheckRow row(Row r) {
        return new CheckRow(r.getString("status"), r.getBoolean("adm"), r.getBoolean("in_scope"), r.getUUID("id"),
                r.getString("state"), r.getOffsetDateTime("expires_at"), r.getBoolean("covers"),
                r.getString("legal_basis"));
    }
}

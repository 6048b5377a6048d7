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

    private final Pool pool;

    public CheckRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<CheckRow> find(UUID partnerId, String subjectId, String purpose, String category) {
        return pool.preparedQuery(SQL).execute(Tuple.of(partnerId, subjectId, purpose, category))
                .map(rows -> row(rows.iterator().next()));
    }

    private static CheckRow row(Row r) {
        return new CheckRow(r.getString("status"), r.getBoolean("adm"), r.getBoolean("in_scope"), r.getUUID("id"),
                r.getString("state"), r.getOffsetDateTime("expires_at"), r.getBoolean("covers"),
                r.getString("legal_basis"));
    }
}

package com.privacyplatform.consent.check;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The hot path's single statement on the reactive pool (no ORM session): the partner projection,
 * the scope pair (primary key lookup) and the (partner, subject, purpose) decisions through the
 * {@code consent_check} index - one round trip, prepared once per connection.
 */
@ApplicationScoped
public class CheckRepository {

    static final String SQL = """
            SELECT p.status, coalesce(p.adm_authorized, false) AS adm,
                   EXISTS (SELECT 1 FROM partner_scope s
                           WHERE s.partner_id = $1 AND s.purpose = $3 AND s.category = $4) AS in_scope,
                   c.id, c.state, c.expires_at, coalesce($4 = ANY (c.categories), false) AS covers, c.legal_basis
            FROM (SELECT 1) AS one
            LEFT JOIN partner_projection p ON p.partner_id = $1
            LEFT JOIN LATERAL (
                SELECT id, state, expires_at, categories, legal_basis FROM consent
                WHERE partner_id = $1 AND subject_id = $2 AND purpose = $3
                ORDER BY (state IN ('GRANTED', 'REFUSED')) DESC, recorded_at DESC
                LIMIT 1) c ON TRUE""";

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

package com.privacyplatform.commons.audit;

import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Appends to the audit trail in the caller's current transaction (4.1, 1.8): the record commits
 * or rolls back with the change it describes. Appends take no lock (DESIGN.md "Audit trail":
 * writers never wait for each other): the record is inserted without chain fields and
 * {@link AuditChainer} links it into the hash chain milliseconds after the transaction commits.
 */
@ApplicationScoped
public class AuditTrail {

    /** Records per INSERT statement in {@link #recordAll} (8 parameters each, far below PostgreSQL's 65,535). */
    static final int ROWS_PER_STATEMENT = 1000;

    private static final String INSERT = "INSERT INTO platform_audit_record"
            + " (id, recorded_at, actor, actor_role, action, target_type, target_id, details) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, CAST(? AS text))";

    private final PlatformClock clock;

    public AuditTrail(PlatformClock clock) {
        this.clock = clock;
    }

    /**
     * @param details a short machine-readable description (e.g. JSON of changed field names or
     *                the new status); never personal values
     */
    public Uni<Void> record(AuditActor actor, String action, String targetType, String targetId, String details) {
        return recordAll(actor, List.of(new Entry(action, targetType, targetId, details)));
    }

    /**
     * Appends many records of one actor in the caller's current transaction with one statement per
     * {@value #ROWS_PER_STATEMENT} records. They are chained in the list's order (the append
     * sequence is drawn in row order and the chainer links a transaction's records in that order),
     * exactly as that many {@link #record} calls in a row.
     */
    public Uni<Void> recordAll(AuditActor actor, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = clock.now();
        return Panache.getSession().chain(session -> insert(session, actor, entries, 0, now));
    }

    private Uni<Void> insert(Mutiny.Session session, AuditActor actor, List<Entry> entries, int from,
            OffsetDateTime now) {
        List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT));
        StringBuilder sql = new StringBuilder(INSERT.length() + chunk.size() * (ROW.length() + 1)).append(INSERT);
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ",").append(ROW);
        }
        Mutiny.MutationQuery query = session.createNativeQuery(sql.toString());
        int p = 1;
        for (Entry e : chunk) {
            query.setParameter(p++, Ids.newId());
            query.setParameter(p++, now);
            query.setParameter(p++, actor.actor());
            query.setParameter(p++, actor.role());
            query.setParameter(p++, e.action());
            query.setParameter(p++, e.targetType());
            query.setParameter(p++, e.targetId());
            query.setParameter(p++, e.details());
        }
        int next = from + chunk.size();
        return query.executeUpdate()
                .chain(n -> next < entries.size() ? insert(session, actor, entries, next, now)
                        : Uni.createFrom().voidItem());
    }

    /** One record for {@link #recordAll}: the arguments of {@link #record} after the actor. */
    public record Entry(String action, String targetType, String targetId, String details) {
        public Entry {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(targetType, "targetType");
        }
    }
}

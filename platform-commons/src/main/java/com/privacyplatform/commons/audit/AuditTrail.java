package com.privacyplatform.commons.audit;

import com.privacyplatform.commons.db.JointInsert;
import com.privacyplatform.commons.db.MultiRowInsert;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Appends to the audit trail in the caller's current transaction (4.1, 1.8): the record commits
 * or rolls back with the change it describes. Appends take no lock (DESIGN.md "Audit trail":
 * writers never wait for each other): the record is inserted without chain fields and
 * {@link AuditChainer} links it into the hash chain milliseconds after the transaction commits.
 */
@ApplicationScoped
public class AuditTrail {

    private static final MultiRowInsert<Row> ROWS = new MultiRowInsert<Row>("platform_audit_record")
            .column("id", "uuid", r -> Ids.newId()).column("recorded_at", "timestamptz", Row::at)
            .column("actor", "text", r -> r.actor().actor()).column("actor_role", "text", r -> r.actor().role())
            .column("action", "text", r -> r.entry().action())
            .column("target_type", "text", r -> r.entry().targetType())
            .column("target_id", "text", r -> r.entry().targetId())
            .column("details", "text", r -> r.entry().details());

    private static final String PART_VALUES = "(id, recorded_at, actor, actor_role, action, target_type, target_id,"
            + " details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

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
     * The record as one part of a {@link JointInsert}: the caller appends it in the same statement as
     * the change it describes. Same contract as {@link #record} (no lock; the chainer links it after
     * the commit); one record per statement, so the append order is the statements' order.
     */
    public JointInsert.Part part(AuditActor actor, String action, String targetType, String targetId,
            String details) {
        Entry entry = new Entry(action, targetType, targetId, details);
        return new JointInsert.Part("platform_audit_record", PART_VALUES, Ids.newId(), clock.now(), actor.actor(),
                actor.role(), entry.action(), entry.targetType(), entry.targetId(), entry.details());
    }

    /**
     * Appends many records of one actor in the caller's current transaction with multi-row statements
     * ({@link MultiRowInsert}). They are chained in the list's order (the append
     * sequence is drawn in row order and the chainer links a transaction's records in that order),
     * exactly as that many {@link #record} calls in a row.
     */
    public Uni<Void> recordAll(AuditActor actor, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = clock.now();
        List<Row> rows = entries.stream().map(e -> new Row(actor, now, e)).toList();
        return Panache.getSession().chain(session -> ROWS.insert(session, rows));
    }

    /** One record for {@link #recordAll}: the arguments of {@link #record} after the actor. */
    public record Entry(String action, String targetType, String targetId, String details) {
        public Entry {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(targetType, "targetType");
        }
    }

    private record Row(AuditActor actor, OffsetDateTime at, Entry entry) {
    }
}

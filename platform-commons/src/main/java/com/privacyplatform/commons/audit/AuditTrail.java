package com.privacyplatform.commons.audit;

import com.privacyplatform.commons.ids.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appends to the audit trail in the caller's current transaction (4.1, 1.8): the record commits
 * or rolls back with the change it describes. Appends are serialised by locking the head row.
 */
@ApplicationScoped
public class AuditTrail {

    /**
     * @param details a short machine-readable description (e.g. JSON of changed field names or
     *                the new status); never personal values
     */
    public Uni<AuditRecord> record(AuditActor actor, String action, String targetType, String targetId,
            String details) {
        return Panache.getSession().chain(session -> session
                .find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE)
                .chain(head -> {
                    AuditRecord record = new AuditRecord();
                    record.seq = head.lastSeq + 1;
                    record.id = Ids.newId();
                    record.recordedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                    record.actor = actor.actor();
                    record.actorRole = actor.role();
                    record.action = action;
                    record.targetType = targetType;
                    record.targetId = targetId;
                    record.details = details;
                    record.prevHash = head.lastHash;
                    record.hash = AuditHashes.of(record);
                    head.lastSeq = record.seq;
                    head.lastHash = record.hash;
                    return session.persist(record).chain(session::flush).replaceWith(record);
                }));
    }

    /**
     * Appends many records of one actor in the caller's current transaction: the head row is
     * locked once, the records are chained in the list's order (each names its predecessor's
     * hash, as {@link #record} would have), and written with one flush. The chain is the same as
     * that many {@link #record} calls in a row; only the round trips are fewer.
     */
    public Uni<List<AuditRecord>> recordAll(AuditActor actor, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session
                .find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE)
                .chain(head -> {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                    List<AuditRecord> records = new ArrayList<>(entries.size());
                    for (Entry e : entries) {
                        AuditRecord record = new AuditRecord();
                        record.seq = head.lastSeq + 1;
                        record.id = Ids.newId();
                        record.recordedAt = now;
                        record.actor = actor.actor();
                        record.actorRole = actor.role();
                        record.action = e.action();
                        record.targetType = e.targetType();
                        record.targetId = e.targetId();
                        record.details = e.details();
                        record.prevHash = head.lastHash;
                        record.hash = AuditHashes.of(record);
                        head.lastSeq = record.seq;
                        head.lastHash = record.hash;
                        records.add(record);
                    }
                    return session.persistAll(records.toArray()).chain(session::flush).replaceWith(records);
                }));
    }

    /** One record for {@link #recordAll}: the arguments of {@link #record} after the actor. */
    public record Entry(String action, String targetType, String targetId, String details) {
        public Entry {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(targetType, "targetType");
        }
    }
}

package com.privacyplatform.commons.audit;

import com.privacyplatform.commons.ids.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

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
}

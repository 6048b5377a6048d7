package com.privacyplatform.commons.audit;

import java.time.Instant;
import java.util.UUID;

/** An audit record as shown to officers and auditors, with the hashes needed to check it offline. */
public record AuditRecordView(long seq, UUID id, Instant recordedAt, String actor, String actorRole, String action,
        String targetType, String targetId, String details, String prevHash, String hash) {

    static AuditRecordView of(AuditRecord r) {
        return new AuditRecordView(r.seq, r.id, r.recordedAt.toInstant(), r.actor, r.actorRole, r.action,
                r.targetType, r.targetId, r.details, r.prevHash, r.hash);
    }
}

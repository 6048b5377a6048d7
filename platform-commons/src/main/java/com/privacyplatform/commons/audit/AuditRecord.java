package com.privacyplatform.commons.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One record of the hash-chained audit trail (4.1, 1.8), read-only here: {@link AuditTrail}
 * appends it without chain fields, {@link AuditChainer} links it once (seq, prevHash, hash), and a
 * trigger refuses every other update and every delete.
 */
@Entity
@Table(name = "platform_audit_record")
public class AuditRecord {

    /** Append order (drawn at insert time); the chain order is {@link #seq}. */
    @Id
    @Column(name = "append_seq")
    public Long appendSeq;

    /** Position in the chain; null until the chainer has linked the record. */
    public Long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(nullable = false)
    public String action;

    @Column(name = "target_type", nullable = false)
    public String targetType;

    @Column(name = "target_id", nullable = false)
    public String targetId;

    public String details;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;
}

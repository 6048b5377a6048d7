package com.privacyplatform.commons.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One link of the hash-chained audit trail (4.1, 1.8). Never updated or deleted (a trigger refuses it). */
@Entity
@Table(name = "platform_audit_record")
public class AuditRecord {

    @Id
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

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;
}

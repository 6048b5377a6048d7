package com.privacyplatform.commons.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The service's own copy of a signed checkpoint ({@link CheckpointView}). */
@Entity
@Table(name = "platform_audit_checkpoint")
public class AuditCheckpoint {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public long seq;

    @Column(nullable = false)
    public String hash;

    @Column(name = "signed_at", nullable = false)
    public OffsetDateTime signedAt;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(nullable = false)
    public String algorithm;

    @Column(nullable = false)
    public String signature;
}

package com.privacyplatform.dsr.export;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A partner's answer to an ACCESS task: the subject's data, sealed (AES-GCM) until it expires and is erased. */
@Entity
@Table(name = "access_export")
public class AccessExport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false, unique = true)
    public UUID taskId;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    public byte[] nonce;

    public byte[] sealed;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "purged_at")
    public OffsetDateTime purgedAt;
}

package com.privacyplatform.commons.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The columns of a signed checkpoint ({@link CheckpointView}), declared once for both tables that
 * hold one: the service's own copy ({@link AuditCheckpoint}) and the copy the partner registry keeps
 * of every service's. Each entity names its own table; the columns are the same in both.
 */
@MappedSuperclass
public abstract class SignedCheckpoint {

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

    /** Takes every field of the signed checkpoint, the signature included, exactly as it is. */
    protected void fill(CheckpointView v) {
        id = v.id();
        source = v.source();
        seq = v.seq();
        hash = v.hash();
        signedAt = v.signedAt().atOffset(ZoneOffset.UTC);
        keyId = v.keyId();
        algorithm = v.algorithm();
        signature = v.signature();
    }

    /** The checkpoint as the API, the event and verification show it. */
    public CheckpointView view() {
        return new CheckpointView(id, source, seq, hash, signedAt.toInstant(), keyId, algorithm, signature);
    }
}

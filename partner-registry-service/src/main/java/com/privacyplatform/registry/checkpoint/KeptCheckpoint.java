package com.privacyplatform.registry.checkpoint;

import com.privacyplatform.commons.audit.CheckpointView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A signed audit checkpoint of some service, as its audit.checkpoint-signed event carried it. */
@Entity
@Table(name = "kept_audit_checkpoint")
public class KeptCheckpoint {

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

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    static KeptCheckpoint of(CheckpointView v, OffsetDateTime receivedAt) {
        KeptCheckpoint k = new KeptCheckpoint();
        k.id = v.id();
        k.source = v.source();
        k.seq = v.seq();
        k.hash = v.hash();
        k.signedAt = v.signedAt().atOffset(ZoneOffset.UTC);
        k.keyId = v.keyId();
        k.algorithm = v.algorithm();
        k.signature = v.signature();
        k.receivedAt = receivedAt;
        return k;
    }

    CheckpointView view() {
        return new CheckpointView(id, source, seq, hash, signedAt.toInstant(), keyId, algorithm, signature);
    }
}

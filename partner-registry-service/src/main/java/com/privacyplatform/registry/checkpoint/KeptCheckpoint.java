package com.privacyplatform.registry.checkpoint;

import com.privacyplatform.commons.audit.CheckpointView;
import com.privacyplatform.commons.audit.SignedCheckpoint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A signed audit checkpoint of some service, as its audit.checkpoint-signed event carried it. */
@Entity
@Table(name = "kept_audit_checkpoint")
public class KeptCheckpoint extends SignedCheckpoint {

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    static KeptCheckpoint of(CheckpointView v, OffsetDateTime receivedAt) {
        KeptCheckpoint k = new KeptCheckpoint();
        k.fill(v);
        k.receivedAt = receivedAt;
        return k;
    }
}

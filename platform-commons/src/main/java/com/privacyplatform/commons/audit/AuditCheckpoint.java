package com.privacyplatform.commons.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The service's own copy of a signed checkpoint ({@link CheckpointView}). */
@Entity
@Table(name = "platform_audit_checkpoint")
public class AuditCheckpoint extends SignedCheckpoint {

    static AuditCheckpoint of(CheckpointView signed) {
        AuditCheckpoint row = new AuditCheckpoint();
        row.fill(signed);
        return row;
    }
}

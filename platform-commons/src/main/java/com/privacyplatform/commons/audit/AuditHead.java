package com.privacyplatform.commons.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The chain's single head row: locked by every writer (serialises appends), compared by the verifier. */
@Entity
@Table(name = "platform_audit_head")
public class AuditHead {

    static final int ID = 1;

    @Id
    public Integer id;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "last_hash", nullable = false)
    public String lastHash;
}

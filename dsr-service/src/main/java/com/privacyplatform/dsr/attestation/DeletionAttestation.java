package com.privacyplatform.dsr.attestation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A signed deletion attestation as issued when its DELETION task completed (3.5.c); never changed. */
@Entity
@Table(name = "deletion_attestation")
public class DeletionAttestation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false, updatable = false)
    public UUID taskId;

    @Column(name = "request_id", nullable = false, updatable = false)
    public UUID requestId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    public UUID partnerId;

    @Column(name = "subject_id", nullable = false, updatable = false)
    public String subjectId;

    /** The {@code kid} of the key that signed it (also in the JWS header). */
    @Column(name = "key_id", nullable = false, updatable = false)
    public String keyId;

    /** The JWS, compact serialization. */
    @Column(nullable = false, updatable = false)
    public String jws;

    @Column(name = "issued_at", nullable = false, updatable = false)
    public OffsetDateTime issuedAt;
}

package com.privacyplatform.registry.processor;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An entrusted processor or sub-processor of a partner (3.3.b), with its scope and attestation. */
@Entity
@Table(name = "partner_processor")
public class Processor extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, columnDefinition = "bpchar(2)")
    public String country;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> purposes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> categories;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(name = "legal_basis_detail")
    public String legalBasisDetail;

    @Column(name = "attested_by")
    public String attestedBy;

    @Column(name = "attested_at")
    public OffsetDateTime attestedAt;

    @Column(name = "attestation_document")
    public String attestationDocument;

    @Column(name = "attestation_recorded_at")
    public OffsetDateTime attestationRecordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProcessorStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at", nullable = false)
    public OffsetDateTime statusChangedAt;

    @Column(name = "status_changed_by", nullable = false)
    public String statusChangedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean isAttested() {
        return attestedBy != null;
    }

    public void clearAttestation() {
        attestedBy = null;
        attestedAt = null;
        attestationDocument = null;
        attestationRecordedAt = null;
    }
}

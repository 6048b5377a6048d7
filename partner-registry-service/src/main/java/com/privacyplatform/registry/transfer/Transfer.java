package com.privacyplatform.registry.transfer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A cross-border provision of personal information by a partner (3.3.c). */
@Entity
@Table(name = "partner_transfer")
public class Transfer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "destination_country", nullable = false, columnDefinition = "bpchar(2)")
    public String destinationCountry;

    @Column(nullable = false)
    public String recipient;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> categories;

    @Column(name = "legal_mechanism", nullable = false)
    public String legalMechanism;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransferStatus status;

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

    /** 3.3.c: whether this transfer lets data of these categories go to that country now. */
    public boolean covers(String country, Collection<String> wanted) {
        return status == TransferStatus.APPROVED && destinationCountry.equals(country) && categories.containsAll(wanted);
    }
}

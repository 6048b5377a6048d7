package com.privacyplatform.registry.partner;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A partner's record: identity, contact, lifecycle, named security officer (3.4.d), ADM authorization (3.2.c). */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(nullable = false, columnDefinition = "bpchar(2)")
    public String jurisdiction;

    @Column(name = "oidc_client_id", nullable = false, unique = true)
    public String oidcClientId;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at", nullable = false)
    public OffsetDateTime statusChangedAt;

    @Column(name = "officer_name")
    public String officerName;

    @Column(name = "officer_email")
    public String officerEmail;

    @Column(name = "officer_phone")
    public String officerPhone;

    @Column(name = "officer_department")
    public String officerDepartment;

    @Column(name = "officer_updated_at")
    public OffsetDateTime officerUpdatedAt;

    @Column(name = "adm_authorized", nullable = false)
    public boolean admAuthorized;

    @Column(name = "adm_reason")
    public String admReason;

    @Column(name = "adm_changed_at")
    public OffsetDateTime admChangedAt;

    @Column(name = "scope_version", nullable = false)
    public int scopeVersion;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean hasSecurityOfficer() {
        return officerName != null && officerDepartment != null && (officerEmail != null || officerPhone != null);
    }
}

package com.privacyplatform.registry.partner;

import com.privacyplatform.api.events.PartnerStatus;
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

    /** 3.5.d: every deletion task of the termination resolved (dsr-service); null until then. */
    @Column(name = "termination_deletion_completed_at")
    public OffsetDateTime terminationDeletionCompletedAt;

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

    /** When the partner's Keycloak client was disabled (termination's deletion work complete); null while usable. */
    @Column(name = "client_disabled_at")
    public OffsetDateTime clientDisabledAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** TERMINATED with the deletion work of its termination still open: its duties go on (3.5.d). */
    public boolean hasOpenTerminationDuties() {
        return status == PartnerStatus.TERMINATED && terminationDeletionCompletedAt == null;
    }

    public boolean hasSecurityOfficer() {
        return officerName != null && officerDepartment != null && (officerEmail != null || officerPhone != null);
    }
}

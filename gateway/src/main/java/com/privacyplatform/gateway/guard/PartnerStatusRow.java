package com.privacyplatform.gateway.guard;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A partner's lifecycle status as last announced by partner-registry-service (event or snapshot). */
@Entity
@Table(name = "gateway_partner_status")
public class PartnerStatusRow extends PanacheEntityBase {

    @Id
    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(nullable = false)
    public String status;

    public String reason;

    /** The registry's time of the status change: a fact of an earlier time never replaces it. */
    @Column(name = "status_at", nullable = false)
    public OffsetDateTime statusAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}

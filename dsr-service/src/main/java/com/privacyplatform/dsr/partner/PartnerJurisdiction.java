package com.privacyplatform.dsr.partner;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A partner's jurisdiction as partner-registry-service last announced it (partner.activated,
 * partner.scope-changed): the deadline of work on consents that name no jurisdiction.
 */
@Entity
@Table(name = "partner_jurisdiction")
public class PartnerJurisdiction extends PanacheEntityBase {

    @Id
    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(nullable = false, columnDefinition = "bpchar(2)")
    public String jurisdiction;

    /** The announcing event's time: an older event never overwrites a newer one. */
    @Column(name = "as_of", nullable = false)
    public OffsetDateTime asOf;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}

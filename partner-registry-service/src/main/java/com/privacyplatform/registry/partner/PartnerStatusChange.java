package com.privacyplatform.registry.partner;

import com.privacyplatform.api.events.PartnerStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One lifecycle transition with its reason; appended, never changed. */
@Entity
@Table(name = "partner_status_change")
public class PartnerStatusChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false)
    public PartnerStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public PartnerStatus toStatus;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String actor;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}

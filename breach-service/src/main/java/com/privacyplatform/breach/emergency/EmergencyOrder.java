package com.privacyplatform.breach.emergency;

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

/** An emergency measure on a partner's interface (3.4.j, 5.2), enforced by the gateway through events. */
@Entity
@Table(name = "emergency_order")
public class EmergencyOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EmergencyOrderKind kind;

    @Column(name = "requests_per_second")
    public Integer requestsPerSecond;

    @Column(name = "requests_per_period")
    public Integer requestsPerPeriod;

    /** ISO 8601 duration of a frequency restraint's period. */
    @Column
    public String period;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EmergencyOrderState state;

    @Column(name = "ordered_by", nullable = false)
    public String orderedBy;

    @Column(name = "ordered_at", nullable = false)
    public OffsetDateTime orderedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "end_reason")
    public String endReason;

    @Version
    public long version;

    public boolean isActive() {
        return state == EmergencyOrderState.ACTIVE;
    }
}

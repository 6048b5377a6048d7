package com.privacyplatform.gateway.guard;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An emergency order of breach-service (3.4.j) against a partner's interface. */
@Entity
@Table(name = "gateway_restriction")
public class RestrictionRow extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    /** Null only for an ended order whose start the gateway never saw (a remembered end). */
    public String kind;

    @Column(name = "requests_per_second")
    public Integer requestsPerSecond;

    @Column(name = "requests_per_period")
    public Integer requestsPerPeriod;

    public String period;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    public String reason;

    /** False once lifted or expired: final, never set back to true. */
    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}

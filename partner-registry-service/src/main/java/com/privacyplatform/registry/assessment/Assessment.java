package com.privacyplatform.registry.assessment;

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

/**
 * An audit of a partner by the platform (4.1) or a third party on its behalf (4.2), scheduled
 * with advance notice (4.4); the cost bearer is derived when it is closed (4.5). Named
 * "assessment" in code so it is never confused with the audit trail.
 */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentStatus status;

    @Column(name = "scheduled_start", nullable = false)
    public OffsetDateTime scheduledStart;

    @Column(name = "notice_given_at", nullable = false)
    public OffsetDateTime noticeGivenAt;

    @Column(nullable = false)
    public String scope;

    @Column(name = "third_party_auditor")
    public String thirdPartyAuditor;

    @Column(name = "closure_summary")
    public String closureSummary;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "cost_bearer")
    public CostBearer costBearer;

    @Column(name = "scheduled_by", nullable = false)
    public String scheduledBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}

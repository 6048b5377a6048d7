package com.privacyplatform.registry.assessment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A finding of an audit, to be rectified by the partner within the specified time limit (4.3). */
@Entity
@Table(name = "assessment_finding")
public class AuditFinding extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingSeverity severity;

    /** 4.5: a material defect in the processing of users' personal information. */
    @Column(nullable = false)
    public boolean material;

    @Column(nullable = false)
    public String description;

    @Column(name = "rectification_due", nullable = false)
    public LocalDate rectificationDue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingStatus status;

    @Column(name = "rectification_summary")
    public String rectificationSummary;

    @Column(name = "rectification_submitted_at")
    public OffsetDateTime rectificationSubmittedAt;

    @Column(name = "verification_note")
    public String verificationNote;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}

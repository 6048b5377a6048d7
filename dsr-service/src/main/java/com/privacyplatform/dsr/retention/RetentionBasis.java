package com.privacyplatform.dsr.retention;

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
 * 3.5.d: a basis on which a partner keeps a subject's data, or a category, after termination: the
 * subject's express consent to that retention (the consent named: {@code consentId}) or a legal
 * obligation (the {@code law} and the {@code retentionPeriod} named, approved by an officer).
 */
@Entity
@Table(name = "retention_basis")
public class RetentionBasis extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    /** Null: every subject (then a category is named). */
    @Column(name = "subject_id")
    public String subjectId;

    /** Null: every category of the subject. */
    public String category;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(nullable = false)
    public String explanation;

    /** EXPRESS_CONSENT: the subject's consent to retention after the end of the cooperation. */
    @Column(name = "consent_id")
    public UUID consentId;

    /** LEGAL_OBLIGATION: the law that obliges the partner to keep the data. */
    public String law;

    /** LEGAL_OBLIGATION: how long the law says to keep it (ISO 8601 period). */
    @Column(name = "retention_period")
    public String retentionPeriod;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RetentionStatus status;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    @Column(name = "review_note")
    public String reviewNote;

    @Version
    public long version;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}

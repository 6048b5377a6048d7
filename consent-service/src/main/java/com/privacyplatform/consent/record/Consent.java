package com.privacyplatform.consent.record;

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
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One subject's decision for one purpose of one partner (1.2: never a bundle), with the facts of
 * its collection in the spirit of ISO/IEC TS 27560 and the Kantara Consent Receipt. The decided
 * fields are immutable (a database trigger refuses changes); only {@link #state} moves forward.
 */
@Entity
@Table(name = "consent")
@DynamicUpdate
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String purpose;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] categories;

    /** Whether any category is personal sensitive information (2.2). */
    @Column(nullable = false)
    public boolean sensitive;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentState state;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(nullable = false)
    public String method;

    @Column(name = "notice_version", nullable = false)
    public String noticeVersion;

    /** SHA-256 (hex) of the notice text the subject was shown (1.1). */
    @Column(name = "notice_hash", nullable = false)
    public String noticeHash;

    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(nullable = false, columnDefinition = "bpchar(2)")
    public String jurisdiction;

    @Column(name = "collected_at", nullable = false)
    public OffsetDateTime collectedAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    /** Third parties the data may be disclosed to (3.3.a): {@code {"recipients": [...]}} of {@link Recipient}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String recipients;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "state_changed_at", nullable = false)
    public OffsetDateTime stateChangedAt;

    @Version
    public long version;
}

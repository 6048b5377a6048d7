package com.privacyplatform.dsr.holding;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A consent as consent-service announced it: the partner obtained the subject's data through the
 * platform for a purpose, in these categories, possibly disclosed to recipients (3.3.a). Kept after
 * revocation or expiry, since the partner still obtained the data.
 */
@Entity
@Table(name = "consent_holding")
public class ConsentHolding extends PanacheEntityBase {

    @Id
    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    public String purpose;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> categories;

    /**
     * The jurisdiction the consent was collected under (consent.granted); null until announced, or when
     * the event carried none - then the partner's jurisdiction sets the deadlines of work resting on it.
     */
    @Column(columnDefinition = "bpchar(2)")
    public String jurisdiction;

    /** JSON array of {@code {name, country}} (text: the reactive client maps jsonb arrays to no String). */
    @Column(nullable = false)
    public String recipients;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HoldingStatus status;

    /** The consent method (consent.granted's {@code method}, 2.4); null where not announced. */
    public String method;

    /** When the subject gave it (consent.granted's {@code collectedAt}); null where not announced. */
    @Column(name = "collected_at")
    public OffsetDateTime collectedAt;

    @Column(name = "granted_at")
    public OffsetDateTime grantedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "ended_by_request_id")
    public UUID endedByRequestId;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}

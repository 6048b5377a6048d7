package com.privacyplatform.registry.inspection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 3.4.e: a partner's self-inspection report for one period - the checklist over information
 * systems security and the implementation of requirements, the findings and the rectification
 * scheme. Immutable once submitted; a correction is a new report for a later period.
 */
@Entity
@Table(name = "self_inspection")
public class SelfInspection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    /**
     * The checklist and the findings with their rectification scheme, as one JSON object
     * ({@link SelfInspectionMapper.Content}); an object, because the reactive driver maps JSON
     * String columns to objects only.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String content;

    public String summary;

    @Column(name = "failed_items", nullable = false)
    public int failedItems;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Version
    public long version;
}

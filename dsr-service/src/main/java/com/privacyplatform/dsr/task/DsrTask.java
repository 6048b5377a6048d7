package com.privacyplatform.dsr.task;

import com.privacyplatform.dsr.request.RequestType;
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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One partner's share of a request: act on its copy, or stop a disclosure to a recipient (3.5.c.b-c). */
@Entity
@Table(name = "dsr_task")
public class DsrTask extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestType type;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "recipient_name")
    public String recipientName;

    @Column(name = "recipient_country", columnDefinition = "bpchar(2)")
    public String recipientCountry;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> categories;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> purposes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "retained_categories", nullable = false, columnDefinition = "text[]")
    public List<String> retainedCategories;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "retention_basis_ids", nullable = false, columnDefinition = "text[]")
    public List<String> retentionBasisIds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** The completion evidence as JSON (deletion statement, notice, correction record, export summary). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String evidence;

    @Column(name = "rejection_legal_basis")
    public String rejectionLegalBasis;

    @Column(name = "rejection_explanation")
    public String rejectionExplanation;

    @Column(name = "overdue_since")
    public OffsetDateTime overdueSince;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean isOverdue(LocalDate today) {
        return !status.isResolved() && today.isAfter(dueOn);
    }

    public boolean isLate() {
        return resolvedAt != null && com.privacyplatform.dsr.Times.utcDate(resolvedAt).isAfter(dueOn);
    }
}

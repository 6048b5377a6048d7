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
import java.time.temporal.ChronoUnit;
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

    /** The deadline table row that set the deadline (the earliest of its jurisdictions'); null: a RECIPIENT task. */
    @Column(name = "policy_id")
    public String policyId;

    /** The jurisdiction of that row (its calendar); null where none is known. */
    @Column(columnDefinition = "bpchar(2)")
    public String jurisdiction;

    /** Every known jurisdiction of the consents the task rests on (the partner's where a consent names none). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> jurisdictions;

    @Column(name = "original_due_on", nullable = false)
    public LocalDate originalDueOn;

    /** The latest day one extension may move the deadline to (every jurisdiction's limit); null: none. */
    @Column(name = "latest_due_on")
    public LocalDate latestDueOn;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    /** The deadline's last instant: the end of the due day (UTC), or receipt + the recipient deadline. */
    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

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

    /** The recorded retention basis (3.5.d) the partner's rejection cites, if any. */
    @Column(name = "rejection_retention_basis_id")
    public UUID rejectionRetentionBasisId;

    /** When the partner rejected a DELETION task: the rejection then waits for the officer's review. */
    @Column(name = "rejection_requested_at")
    public OffsetDateTime rejectionRequestedAt;

    @Column(name = "rejection_requested_by")
    public String rejectionRequestedBy;

    /** The officer's decision on the last rejection: APPROVED or REFUSED (then the task was reopened). */
    @Column(name = "review_decision")
    public String reviewDecision;

    @Column(name = "review_note")
    public String reviewNote;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    @Column(name = "overdue_since")
    public OffsetDateTime overdueSince;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /**
     * Unresolved after its deadline's last instant (whole seconds, so the due day's last second still
     * counts). A rejection in the officer's review is the partner's answer: not overdue meanwhile.
     */
    public boolean isOverdue(OffsetDateTime now) {
        return !status.isResolved() && status != TaskStatus.REJECTION_IN_REVIEW
                && now.truncatedTo(ChronoUnit.SECONDS).isAfter(dueAt);
    }

    public boolean isLate() {
        return resolvedAt != null && resolvedAt.truncatedTo(ChronoUnit.SECONDS).isAfter(dueAt);
    }
}

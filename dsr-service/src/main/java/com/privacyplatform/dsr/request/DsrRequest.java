package com.privacyplatform.dsr.request;

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

/** A data-subject request (3.5): who, what, the deadline policy and dates, its status and outcome. */
@Entity
@Table(name = "dsr_request")
public class DsrRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestOrigin origin;

    @Column(name = "origin_ref")
    public UUID originRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Enumerated(EnumType.STRING)
    public RequestOutcome outcome;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "on_behalf_partner_id")
    public UUID onBehalfPartnerId;

    /** Null: every partner holding the subject's data. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "requested_partner_ids", columnDefinition = "text[]")
    public List<String> requestedPartnerIds;

    /**
     * The jurisdiction whose law set the request's deadline at receipt (its earliest task's, or for a
     * request without tasks its consents'); never the submitter's choice. Null where none is known.
     */
    @Column(columnDefinition = "bpchar(2)")
    public String jurisdiction;

    /** Every known jurisdiction the deadlines of its tasks (or its consents) follow. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> jurisdictions;

    /** The policy of that deadline. */
    @Column(name = "policy_id", nullable = false)
    public String policyId;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(nullable = false)
    public String fingerprint;

    @Column(name = "corrections_key_id")
    public String correctionsKeyId;

    @Column(name = "corrections_nonce")
    public byte[] correctionsNonce;

    @Column(name = "corrections_sealed")
    public byte[] correctionsSealed;

    /** When the correction values were erased (CorrectionPurger): the request was over for dsr.correction-retention. */
    @Column(name = "corrections_purged_at")
    public OffsetDateTime correctionsPurgedAt;

    @Column(name = "linked_request_id")
    public UUID linkedRequestId;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "receipt_confirmation_due_on")
    public LocalDate receiptConfirmationDueOn;

    @Column(name = "original_due_on")
    public LocalDate originalDueOn;

    /** The earliest due day of its partner tasks still to be resolved (recipient tasks have their own). */
    @Column(name = "due_on")
    public LocalDate dueOn;

    /** A request without tasks (REVOKE_AUTHORIZATION): the latest day one extension may move it to. */
    @Column(name = "latest_due_on")
    public LocalDate latestDueOn;

    @Column(name = "extended_at")
    public OffsetDateTime extendedAt;

    @Column(name = "extension_reason")
    public String extensionReason;

    @Column(name = "extended_by")
    public String extendedBy;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "overdue_since")
    public OffsetDateTime overdueSince;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean isOverdue(LocalDate today) {
        return status == RequestStatus.OPEN && dueOn != null && today.isAfter(dueOn);
    }
}

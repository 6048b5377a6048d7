package com.privacyplatform.dsr.workflow;

import com.privacyplatform.commons.db.MultiRowInsert;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.TimelineEntry;
import com.privacyplatform.dsr.task.DsrTask;

/**
 * The multi-row inserts of {@link BatchOrders}: every column of a new request, task and timeline entry,
 * exactly as persisting the entity would write it (issue 18.1: a mass deletion's rows never enter the
 * persistence context, whose flushes re-checked every row of the chunk before each statement).
 */
final class BatchRows {

    static final MultiRowInsert<DsrRequest> REQUESTS = new MultiRowInsert<DsrRequest>("dsr_request")
            .column("id", "uuid", r -> r.id).column("subject_id", "text", r -> r.subjectId)
            .column("type", "text", r -> r.type).column("origin", "text", r -> r.origin)
            .column("origin_ref", "uuid", r -> r.originRef).column("status", "text", r -> r.status)
            .column("outcome", "text", r -> r.outcome).column("submitted_by", "text", r -> r.submittedBy)
            .column("on_behalf_partner_id", "uuid", r -> r.onBehalfPartnerId)
            .column("requested_partner_ids", "text[]", r -> r.requestedPartnerIds)
            .column("jurisdiction", "bpchar(2)", r -> r.jurisdiction)
            .column("jurisdictions", "text[]", r -> r.jurisdictions).column("policy_id", "text", r -> r.policyId)
            .column("policy_version", "text", r -> r.policyVersion).column("fingerprint", "text", r -> r.fingerprint)
            .column("corrections_key_id", "text", r -> r.correctionsKeyId)
            .column("corrections_nonce", "bytea", r -> r.correctionsNonce)
            .column("corrections_sealed", "bytea", r -> r.correctionsSealed)
            .column("corrections_purged_at", "timestamptz", r -> r.correctionsPurgedAt)
            .column("linked_request_id", "uuid", r -> r.linkedRequestId)
            .column("submitted_at", "timestamptz", r -> r.submittedAt)
            .column("received_at", "timestamptz", r -> r.receivedAt)
            .column("receipt_confirmation_due_on", "date", r -> r.receiptConfirmationDueOn)
            .column("original_due_on", "date", r -> r.originalDueOn).column("due_on", "date", r -> r.dueOn)
            .column("latest_due_on", "date", r -> r.latestDueOn)
            .column("extended_at", "timestamptz", r -> r.extendedAt)
            .column("extension_reason", "text", r -> r.extensionReason)
            .column("extended_by", "text", r -> r.extendedBy)
            .column("completed_at", "timestamptz", r -> r.completedAt)
            .column("overdue_since", "timestamptz", r -> r.overdueSince)
            .column("updated_at", "timestamptz", r -> r.updatedAt).column("version", "bigint", r -> r.version);

    static final MultiRowInsert<DsrTask> TASKS = new MultiRowInsert<DsrTask>("dsr_task")
            .column("id", "uuid", t -> t.id).column("request_id", "uuid", t -> t.requestId)
            .column("partner_id", "uuid", t -> t.partnerId).column("kind", "text", t -> t.kind)
            .column("type", "text", t -> t.type).column("subject_id", "text", t -> t.subjectId)
            .column("recipient_name", "text", t -> t.recipientName)
            .column("recipient_country", "bpchar(2)", t -> t.recipientCountry)
            .column("categories", "text[]", t -> t.categories).column("purposes", "text[]", t -> t.purposes)
            .column("retained_categories", "text[]", t -> t.retainedCategories)
            .column("retention_basis_ids", "text[]", t -> t.retentionBasisIds)
            .column("status", "text", t -> t.status).column("policy_id", "text", t -> t.policyId)
            .column("jurisdiction", "bpchar(2)", t -> t.jurisdiction)
            .column("jurisdictions", "text[]", t -> t.jurisdictions)
            .column("original_due_on", "date", t -> t.originalDueOn)
            .column("latest_due_on", "date", t -> t.latestDueOn).column("due_on", "date", t -> t.dueOn)
            .column("due_at", "timestamptz", t -> t.dueAt).column("claimed_at", "timestamptz", t -> t.claimedAt)
            .column("claimed_by", "text", t -> t.claimedBy).column("resolved_at", "timestamptz", t -> t.resolvedAt)
            .column("resolved_by", "text", t -> t.resolvedBy).column("evidence", "jsonb", t -> t.evidence)
            .column("rejection_legal_basis", "text", t -> t.rejectionLegalBasis)
            .column("rejection_explanation", "text", t -> t.rejectionExplanation)
            .column("rejection_retention_basis_id", "uuid", t -> t.rejectionRetentionBasisId)
            .column("rejection_requested_at", "timestamptz", t -> t.rejectionRequestedAt)
            .column("rejection_requested_by", "text", t -> t.rejectionRequestedBy)
            .column("review_decision", "text", t -> t.reviewDecision)
            .column("review_note", "text", t -> t.reviewNote).column("reviewed_by", "text", t -> t.reviewedBy)
            .column("reviewed_at", "timestamptz", t -> t.reviewedAt)
            .column("overdue_since", "timestamptz", t -> t.overdueSince)
            .column("created_at", "timestamptz", t -> t.createdAt)
            .column("updated_at", "timestamptz", t -> t.updatedAt).column("version", "bigint", t -> t.version);

    static final MultiRowInsert<TimelineEntry> TIMELINE = new MultiRowInsert<TimelineEntry>("dsr_timeline_entry")
            .column("id", "uuid", e -> e.id).column("request_id", "uuid", e -> e.requestId)
            .column("task_id", "uuid", e -> e.taskId).column("partner_id", "uuid", e -> e.partnerId)
            .column("at", "timestamptz", e -> e.at).column("kind", "text", e -> e.kind)
            .column("actor", "text", e -> e.actor).column("detail", "text", e -> e.detail);

    private BatchRows() {
    }
}

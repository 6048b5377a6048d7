package com.privacyplatform.dsr.workflow;

import static com.privacyplatform.commons.db.MultiRowInsert.texts;

import com.privacyplatform.commons.db.MultiRowInsert;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.TimelineEntry;
import com.privacyplatform.dsr.task.DsrTask;
import java.util.List;

/**
 * The multi-row inserts of {@link BatchOrders}: every column of a new request, task and timeline entry,
 * exactly as persisting the entity would write it (issue 18.1: a mass deletion's rows never enter the
 * persistence context, whose flushes re-checked every row of the chunk before each statement).
 */
final class BatchRows {

    private static final String ARRAY = "CAST(? AS text[])";

    static final MultiRowInsert<DsrRequest> REQUESTS = new MultiRowInsert<>("dsr_request",
            List.of("id", "subject_id", "type", "origin", "origin_ref", "status", "outcome", "submitted_by",
                    "on_behalf_partner_id", "requested_partner_ids", "jurisdiction", "jurisdictions", "policy_id",
                    "policy_version", "fingerprint", "corrections_key_id", "corrections_nonce", "corrections_sealed",
                    "corrections_purged_at", "linked_request_id", "submitted_at", "received_at",
                    "receipt_confirmation_due_on", "original_due_on", "due_on", "latest_due_on", "extended_at",
                    "extension_reason", "extended_by", "completed_at", "overdue_since", "updated_at", "version"),
            List.of("?", "?", "?", "?", "?", "?", "?", "?", "?", ARRAY, "?", ARRAY, "?", "?", "?", "?", "?", "?", "?",
                    "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?"),
            (row, r) -> row.set(r.id).set(r.subjectId).set(r.type.name()).set(r.origin.name()).set(r.originRef)
                    .set(r.status.name()).set(r.outcome == null ? null : r.outcome.name()).set(r.submittedBy)
                    .set(r.onBehalfPartnerId).set(texts(r.requestedPartnerIds)).set(r.jurisdiction)
                    .set(texts(r.jurisdictions)).set(r.policyId).set(r.policyVersion).set(r.fingerprint)
                    .set(r.correctionsKeyId).set(r.correctionsNonce).set(r.correctionsSealed)
                    .set(r.correctionsPurgedAt).set(r.linkedRequestId).set(r.submittedAt).set(r.receivedAt)
                    .set(r.receiptConfirmationDueOn).set(r.originalDueOn).set(r.dueOn).set(r.latestDueOn)
                    .set(r.extendedAt).set(r.extensionReason).set(r.extendedBy).set(r.completedAt)
                    .set(r.overdueSince).set(r.updatedAt).set(r.version));

    static final MultiRowInsert<DsrTask> TASKS = new MultiRowInsert<>("dsr_task",
            List.of("id", "request_id", "partner_id", "kind", "type", "subject_id", "recipient_name",
                    "recipient_country", "categories", "purposes", "retained_categories", "retention_basis_ids",
                    "status", "policy_id", "jurisdiction", "jurisdictions", "original_due_on", "latest_due_on",
                    "due_on", "due_at", "claimed_at", "claimed_by", "resolved_at", "resolved_by", "evidence",
                    "rejection_legal_basis", "rejection_explanation", "rejection_retention_basis_id",
                    "rejection_requested_at", "rejection_requested_by", "review_decision", "review_note",
                    "reviewed_by", "reviewed_at", "overdue_since", "created_at", "updated_at", "version"),
            List.of("?", "?", "?", "?", "?", "?", "?", "?", ARRAY, ARRAY, ARRAY, ARRAY, "?", "?", "?", ARRAY, "?",
                    "?", "?", "?", "?", "?", "?", "?", "CAST(CAST(? AS text) AS jsonb)", "?", "?", "?", "?", "?",
                    "?", "?", "?", "?", "?", "?", "?", "?"),
            (row, t) -> row.set(t.id).set(t.requestId).set(t.partnerId).set(t.kind.name()).set(t.type.name())
                    .set(t.subjectId).set(t.recipientName).set(t.recipientCountry).set(texts(t.categories))
                    .set(texts(t.purposes)).set(texts(t.retainedCategories))
                    .set(texts(t.retentionBasisIds)).set(t.status.name()).set(t.policyId).set(t.jurisdiction)
                    .set(texts(t.jurisdictions)).set(t.originalDueOn).set(t.latestDueOn).set(t.dueOn)
                    .set(t.dueAt).set(t.claimedAt).set(t.claimedBy).set(t.resolvedAt).set(t.resolvedBy)
                    .set(t.evidence).set(t.rejectionLegalBasis).set(t.rejectionExplanation)
                    .set(t.rejectionRetentionBasisId).set(t.rejectionRequestedAt).set(t.rejectionRequestedBy)
                    .set(t.reviewDecision).set(t.reviewNote).set(t.reviewedBy).set(t.reviewedAt)
                    .set(t.overdueSince).set(t.createdAt).set(t.updatedAt).set(t.version));

    static final MultiRowInsert<TimelineEntry> TIMELINE = new MultiRowInsert<>("dsr_timeline_entry",
            List.of("id", "request_id", "task_id", "partner_id", "at", "kind", "actor", "detail"),
            List.of("?", "?", "?", "?", "?", "?", "?", "?"),
            (row, e) -> row.set(e.id).set(e.requestId).set(e.taskId).set(e.partnerId).set(e.at).set(e.kind)
                    .set(e.actor).set(e.detail));

    private BatchRows() {
    }
}

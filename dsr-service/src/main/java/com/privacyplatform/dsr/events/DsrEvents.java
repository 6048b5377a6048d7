package com.privacyplatform.dsr.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Events dsr-service emits (CloudEvents {@code data}); ids and facts, never personal values (no
 * correction values, no export content). The CloudEvents {@code subject} is the request id, so a
 * request's events keep their order. Registered for reflection: the outbox serialises them with Jackson.
 */
@RegisterForReflection(targets = {DsrEvents.Submitted.class, DsrEvents.TaskCreated.class,
        DsrEvents.TaskCompleted.class, DsrEvents.Completed.class, DsrEvents.Overdue.class,
        DsrEvents.RevocationRequested.class, DsrEvents.Extended.class, DsrEvents.Recipient.class,
        DsrEvents.TerminationDeletionCompleted.class, DsrEvents.RetentionBasisReviewed.class,
        DsrEvents.TaskRejectionRequested.class, DsrEvents.TaskReopened.class})
public final class DsrEvents {

    public static final String SUBMITTED = "dsr.submitted";
    public static final String TASK_CREATED = "dsr.task-created";
    public static final String TASK_COMPLETED = "dsr.task-completed";
    public static final String COMPLETED = "dsr.completed";
    public static final String OVERDUE = "dsr.overdue";
    public static final String REVOCATION_REQUESTED = "dsr.revocation-requested";
    public static final String EXTENDED = "dsr.extended";
    public static final String TERMINATION_DELETION_COMPLETED = "dsr.termination-deletion-completed";
    public static final String RETENTION_BASIS_REVIEWED = "dsr.retention-basis-reviewed";
    public static final String TASK_REJECTION_REQUESTED = "dsr.task-rejection-requested";
    public static final String TASK_REOPENED = "dsr.task-reopened";

    private DsrEvents() {
    }

    /**
     * dsr.submitted: a request was received (status OPEN, AWAITING_SUBJECT_CONFIRMATION or LINKED).
     * {@code jurisdiction}/{@code policy}: whose law set its due date (its earliest task's), never the
     * submitter's choice; {@code jurisdictions}: every jurisdiction its deadlines follow.
     */
    public record Submitted(UUID requestId, String subjectId, String type, String origin, String status,
            UUID linkedRequestId, UUID onBehalfOfPartnerId, String jurisdiction, List<String> jurisdictions,
            String policy, LocalDate dueOn, Instant submittedAt) {
    }

    public record Recipient(String name, String country) {
    }

    /**
     * dsr.task-created: a partner has work to do (kind PARTNER), or must stop a disclosure (kind RECIPIENT).
     * Its own deadline: {@code policy}/{@code jurisdiction} of its consents (null for RECIPIENT, due
     * {@code dsr.recipient-deadline} after receipt), {@code dueAt} its last instant.
     */
    public record TaskCreated(UUID taskId, UUID requestId, UUID partnerId, String subjectId, String type, String kind,
            String status, Recipient recipient, List<String> categories, LocalDate dueOn, Instant dueAt,
            String policy, String jurisdiction, String origin) {
    }

    /** dsr.task-completed: the task was COMPLETED with evidence, or REJECTED naming a legal basis. */
    public record TaskCompleted(UUID taskId, UUID requestId, UUID partnerId, String status, String legalBasis,
            boolean late, Instant at) {
    }

    /** dsr.completed: every task of the request is resolved (or the revocations are confirmed). */
    public record Completed(UUID requestId, String subjectId, String type, String outcome, int tasksCompleted,
            int tasksRejected, int tasksExempt, boolean late, Instant completedAt) {
    }

    /** dsr.overdue: once per request and once per task whose deadline passed unresolved. */
    public record Overdue(UUID requestId, UUID taskId, UUID partnerId, LocalDate dueOn, Instant dueAt) {
    }

    /** dsr.revocation-requested: consent-service revokes the subject's consents (partnerIds empty = all). */
    public record RevocationRequested(UUID requestId, String subjectId, List<UUID> partnerIds, String reason) {
    }

    /** dsr.extended: the deadline was extended once; the reason is told to the subject. */
    public record Extended(UUID requestId, String subjectId, LocalDate previousDueOn, LocalDate dueOn, String reason) {
    }

    /**
     * dsr.termination-deletion-completed (CloudEvents subject: the partner id): every request the
     * partner's termination ordered has completed, so every deletion task of the termination is
     * resolved (3.5.d). Published once per termination. The registry records it on the partner, the
     * gateway ends the terminated partner's duty-only access, and the partner's client is disabled.
     */
    public record TerminationDeletionCompleted(UUID partnerId, int requests, int tasksCompleted, int tasksRejected,
            int tasksExempt, Instant completedAt) {
    }

    /**
     * dsr.retention-basis-reviewed (subject: the basis id): the officer approved or refused a partner's
     * legal-obligation retention basis (3.5.d); only an approved one is honoured at the termination.
     */
    public record RetentionBasisReviewed(UUID basisId, UUID partnerId, String subjectId, String category,
            String legalBasis, String retentionPeriod, String decision, Instant reviewedAt) {
    }

    /** dsr.task-rejection-requested: a partner rejected a deletion task; it waits for the officer's review. */
    public record TaskRejectionRequested(UUID taskId, UUID requestId, UUID partnerId, String legalBasis,
            UUID retentionBasisId, Instant at) {
    }

    /** dsr.task-reopened: the officer refused a partner's rejection; the task is OPEN again with the note. */
    public record TaskReopened(UUID taskId, UUID requestId, UUID partnerId, String note, Instant at) {
    }
}

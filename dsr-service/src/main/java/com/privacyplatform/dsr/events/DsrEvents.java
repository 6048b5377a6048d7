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
        DsrEvents.RevocationRequested.class, DsrEvents.Extended.class, DsrEvents.Recipient.class})
public final class DsrEvents {

    public static final String SUBMITTED = "dsr.submitted";
    public static final String TASK_CREATED = "dsr.task-created";
    public static final String TASK_COMPLETED = "dsr.task-completed";
    public static final String COMPLETED = "dsr.completed";
    public static final String OVERDUE = "dsr.overdue";
    public static final String REVOCATION_REQUESTED = "dsr.revocation-requested";
    public static final String EXTENDED = "dsr.extended";

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
}

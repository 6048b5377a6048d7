package com.privacyplatform.privacycenter.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the privacy center reads from and sends to dsr-service. */
public final class RequestViews {

    private RequestViews() {
    }

    @RegisterForReflection
    public record Policy(String id, String law, String version) {
    }

    @RegisterForReflection
    public record Extension(String reason, Instant extendedAt, LocalDate previousDueOn) {
    }

    @RegisterForReflection
    public record TaskRecipient(String name, String country) {
    }

    @RegisterForReflection
    public record Rejection(String legalBasis, String explanation, String reviewNote) {
    }

    /** {@code jurisdiction}: whose law set the task's deadline (null for a recipient task: its own, {@code dueAt}). */
    @RegisterForReflection
    public record Task(UUID id, UUID partnerId, String kind, TaskRecipient recipient, List<String> categories,
            List<String> retainedCategories, String status, String policyId, String jurisdiction, LocalDate dueOn,
            Instant dueAt, boolean overdue, Instant resolvedAt, boolean late, Rejection rejection) {
    }

    @RegisterForReflection
    public record Revocation(long consents, long confirmed) {
    }

    @RegisterForReflection
    public record ExportSummary(int parts, boolean available, Instant expiresAt) {
    }

    @RegisterForReflection
    public record Correction(String field, String value) {
    }

    @RegisterForReflection
    public record Request(UUID id, String subjectId, String type, String origin, String status, String outcome,
            String jurisdiction, Policy policy, Instant submittedAt, Instant receivedAt, LocalDate dueOn,
            Instant dueAt, LocalDate originalDueOn, boolean overdue, Extension extension, UUID linkedRequestId,
            UUID onBehalfOfPartnerId, List<UUID> partnerIds, List<Correction> corrections, List<Task> tasks,
            Revocation revocation, ExportSummary export, Instant completedAt, long version) {
    }

    @RegisterForReflection
    public record RequestSummary(UUID id, String subjectId, String type, String origin, String status, String outcome,
            String jurisdiction, String policyId, Instant submittedAt, LocalDate dueOn, boolean overdue,
            boolean extended, Instant completedAt) {
    }

    @RegisterForReflection
    public record RequestPage(List<RequestSummary> items, String nextCursor) {
    }

    @RegisterForReflection
    public record TimelineEntry(Instant at, String kind, String actor, UUID taskId, UUID partnerId, JsonNode detail) {
    }

    /** No jurisdiction: dsr-service sets every deadline from the consents' laws, never from the person's choice. */
    @RegisterForReflection
    public record Submit(String type, List<UUID> partnerIds, List<Correction> corrections) {
    }

    @RegisterForReflection
    public record Confirmation(boolean confirmed) {
    }

    /** A signed deletion attestation (JWS) of a completed deletion task: the partner's declaration, recorded. */
    @RegisterForReflection
    public record Attestation(UUID id, UUID taskId, UUID requestId, UUID partnerId, Instant issuedAt, String keyId,
            String attestation) {
    }
}

package com.privacyplatform.privacycenter.backend;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the privacy center reads from consent-service (only the fields it shows; others are ignored). */
public final class ConsentViews {

    private ConsentViews() {
    }

    @RegisterForReflection
    public record Notice(String version, String textHash) {
    }

    @RegisterForReflection
    public record Recipient(String name, String country, String kind, String contactEmail) {
    }

    @RegisterForReflection
    public record Consent(UUID id, String subjectId, UUID partnerId, String purpose, List<String> categories,
            boolean sensitive, String decision, String state, String legalBasis, String method, boolean expressMethod,
            Notice notice, String language, String channel, String jurisdiction, Instant collectedAt,
            Instant expiresAt, List<Recipient> recipients, Instant recordedAt, Instant stateChangedAt, long version) {
    }

    @RegisterForReflection
    public record ConsentPage(List<Consent> items, String nextCursor) {
    }

    @RegisterForReflection
    public record HistoryEntry(String state, String previousState, String cause, String reason, String actorRole,
            UUID requestId, Instant at) {
    }

    @RegisterForReflection
    public record Holder(UUID partnerId, String partnerStatus, boolean activeConsent, List<String> purposes,
            List<String> categories) {
    }

    @RegisterForReflection
    public record Holders(String subjectId, List<Holder> holders) {
    }

    @RegisterForReflection
    public record RevocationBody(String reason) {
    }
}

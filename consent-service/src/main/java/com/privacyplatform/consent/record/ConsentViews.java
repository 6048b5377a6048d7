package com.privacyplatform.consent.record;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Response bodies of the consent endpoints. Registered for reflection: they leave through untyped
 * {@code Response}s and the Idempotency replay store, outside the REST signatures a native image sees.
 */
@RegisterForReflection(targets = {ConsentViews.NoticeView.class, ConsentViews.ConsentView.class,
        ConsentViews.RecordedConsent.class, ConsentViews.RecordResult.class, ConsentViews.HistoryView.class})
public final class ConsentViews {

    private ConsentViews() {
    }

    @Schema(name = "Notice", description = "The privacy notice shown (1.1): its version and the SHA-256 of its text.")
    public record NoticeView(String version, String textHash) {
    }

    @Schema(name = "Consent", description = "One decision of one subject for one purpose of one partner.")
    public record ConsentView(
            UUID id,
            String subjectId,
            UUID partnerId,
            @Schema(examples = "marketing.communications") String purpose,
            List<String> categories,
            @Schema(description = "Whether a category is personal sensitive information (2.2)") boolean sensitive,
            Decision decision,
            ConsentState state,
            String legalBasis,
            String method,
            @Schema(description = "Whether the method is express consent (2.4)") boolean expressMethod,
            NoticeView notice,
            String language,
            Channel channel,
            String jurisdiction,
            Instant collectedAt,
            Instant expiresAt,
            @Schema(description = "Third parties (3.3.a); person names and contacts masked for viewers other than"
                    + " the subject and the partner (3.2.d)") List<Recipient> recipients,
            Instant recordedAt,
            Instant stateChangedAt,
            long version) {
    }

    @Schema(name = "RecordedConsent", description = "A recorded decision and its signed receipt (JWS compact).")
    public record RecordedConsent(ConsentView consent, String receipt) {
    }

    @Schema(name = "RecordResult", description = "One record and receipt per purpose, in the request's order.")
    public record RecordResult(List<RecordedConsent> items) {
    }

    @Schema(name = "ConsentHistoryEntry", description = "A state the consent entered; appended, never changed.")
    public record HistoryView(ConsentState state, ConsentState previousState, Cause cause, String reason,
            String actor, String actorRole, UUID requestId, UUID supersededBy, Instant at) {
    }
}

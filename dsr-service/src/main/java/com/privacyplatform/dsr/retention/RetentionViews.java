package com.privacyplatform.dsr.retention;

import com.privacyplatform.commons.time.Utc;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the retention-basis endpoints. */
public final class RetentionViews {

    private RetentionViews() {
    }

    @Schema(name = "RetentionBasis", description = "3.5.d: honoured at the termination only when APPROVED (a legal"
            + " obligation) or CONSENT_VERIFIED (the subject's express consent, checked again then)")
    public record RetentionBasisView(UUID id, UUID partnerId,
            @Schema(description = "Null: the basis covers the category for every subject") String subjectId,
            @Schema(description = "Null: the basis covers every category of the subject (EXPRESS_CONSENT: every"
                    + " category of the consent)") String category,
            String legalBasis, String explanation,
            @Schema(description = "EXPRESS_CONSENT: the subject's consent to the retention") UUID consentId,
            @Schema(description = "LEGAL_OBLIGATION: the law") String law,
            @Schema(description = "LEGAL_OBLIGATION: ISO 8601 period") String retentionPeriod,
            RetentionStatus status, String recordedBy, Instant recordedAt, String reviewedBy, Instant reviewedAt,
            @Schema(description = "The officer's note on the decision") String reviewNote, long version) {

        static RetentionBasisView of(RetentionBasis b) {
            return new RetentionBasisView(b.id, b.partnerId, b.subjectId, b.category, b.legalBasis, b.explanation,
                    b.consentId, b.law, b.retentionPeriod, b.status, b.recordedBy, b.recordedAt.toInstant(),
                    b.reviewedBy, Utc.instant(b.reviewedAt), b.reviewNote, b.version);
        }
    }
}

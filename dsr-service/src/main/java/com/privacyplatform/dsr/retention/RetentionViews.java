package com.privacyplatform.dsr.retention;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the retention-basis endpoints. */
public final class RetentionViews {

    private RetentionViews() {
    }

    @Schema(name = "RetentionBasis")
    public record RetentionBasisView(UUID id, UUID partnerId,
            @Schema(description = "Null: the basis covers the category for every subject") String subjectId,
            @Schema(description = "Null: the basis covers every category of the subject") String category,
            String legalBasis, String explanation, String recordedBy, Instant recordedAt) {

        static RetentionBasisView of(RetentionBasis b) {
            return new RetentionBasisView(b.id, b.partnerId, b.subjectId, b.category, b.legalBasis, b.explanation,
                    b.recordedBy, b.recordedAt.toInstant());
        }
    }
}

package com.privacyplatform.dsr.retention;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the retention-basis endpoints. */
public final class RetentionRequests {

    private RetentionRequests() {
    }

    @Schema(name = "RetentionBasisRequest", description = "3.5.d: a legal basis on which the partner keeps a subject's"
            + " data, or a data category (for every subject), after the cooperation ends. Name a subject, a category"
            + " or both.")
    public record RetentionBasisRequest(
            @Size(max = 200) @Schema(examples = "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c") String subjectId,
            @Size(max = 200) @Schema(description = "Data category id from the vocabulary",
                    examples = "user.financial.transaction") String category,
            @NotBlank @Size(max = 64) @Schema(description = "Legal basis id from the vocabulary: LEGAL_OBLIGATION,"
                    + " EXPRESS_CONSENT or VITAL_INTERESTS", examples = "LEGAL_OBLIGATION") String legalBasis,
            @NotBlank @Size(max = 2000) @Schema(examples = "Anti-money-laundering law: transaction records are kept"
                    + " for five years after the business relationship ends") String explanation) {
    }
}

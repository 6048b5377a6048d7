package com.privacyplatform.dsr.retention;

import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the retention-basis endpoints. */
public final class RetentionRequests {

    private RetentionRequests() {
    }

    @Schema(name = "RetentionBasisRequest", description = "3.5.d: a basis on which the partner keeps a subject's"
            + " data, or a data category (for every subject), after the cooperation ends. EXPRESS_CONSENT: the"
            + " subject and the consent they gave to that retention (purpose retention_after_cooperation, an express"
            + " method) are named. LEGAL_OBLIGATION: the law and the retention period are named; an officer approves"
            + " it before the termination honours it.")
    public record RetentionBasisRequest(
            @Size(max = 200) @Schema(examples = "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c") String subjectId,
            @Size(max = 200) @Schema(description = "Data category id from the vocabulary",
                    examples = "user.financial.transaction") String category,
            @NotBlank @Size(max = 64) @Schema(description = "LEGAL_OBLIGATION or EXPRESS_CONSENT",
                    examples = "LEGAL_OBLIGATION") String legalBasis,
            @NotBlank @Size(max = 2000) @Schema(examples = "Anti-money-laundering law: transaction records are kept"
                    + " for five years after the business relationship ends") String explanation,
            @Schema(description = "EXPRESS_CONSENT: the subject's consent to retention after the end of the"
                    + " cooperation") UUID consentId,
            @Size(max = 500) @Schema(description = "LEGAL_OBLIGATION: the law that requires keeping the data",
                    examples = "Geldwäschegesetz § 8 Abs. 4") String law,
            @Size(max = 32) @Schema(description = "LEGAL_OBLIGATION: how long, ISO 8601 period",
                    examples = "P5Y") String retentionPeriod) {
    }

    @Schema(name = "ReviewDecision", description = "The officer's note on a decision: optional on an approval,"
            + " required on a refusal (it tells the partner why)")
    public record ReviewRequest(@Size(max = 2000) String note) {

        /** The note stripped (null when blank); a refusal without one is a 400 naming {@code note}. */
        public static String noteOf(ReviewRequest request, boolean approve) {
            String note = request == null || request.note() == null || request.note().isBlank() ? null
                    : request.note().strip();
            if (!approve && note == null) {
                throw ProblemException.validation("a refusal tells the partner why",
                        List.of(new Problem.FieldError("note", "is required when refusing")));
            }
            return note;
        }
    }
}

package com.privacyplatform.dsr.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the request endpoints. */
public final class RequestRequests {

    private RequestRequests() {
    }

    @Schema(name = "SubmitRequest", description = "A data-subject request (3.5.a). A data subject submits for"
            + " themself (subjectId omitted or their own); a partner on a subject's behalf (subjectId required;"
            + " the request then awaits the subject's confirmation).")
    public record SubmitRequest(
            @NotNull RequestType type,
            @Size(max = 200) @Schema(description = "Required for partners; a data subject may omit it",
                    examples = "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c") String subjectId,
            @Size(max = 50) @Schema(description = "Partners to address; omitted or empty: every partner that obtained"
                    + " the subject's data through the platform. A partner may name only itself.")
            List<@NotNull UUID> partnerIds,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
            @Schema(deprecated = true, description = "Deprecated and ignored (still checked to be an ISO 3166-1"
                    + " alpha-2 code, never stored): deadlines follow the jurisdictions of the consents each task"
                    + " rests on, not the submitter's choice", examples = "DE") String jurisdiction,
            @Size(max = 20) @Schema(description = "CORRECTION only: data category -> new value")
            List<@Valid @NotNull CorrectionRequest> corrections) {
    }

    @Schema(name = "CorrectionRequest", description = "3.5.b: a data category of the vocabulary and its correct value.")
    public record CorrectionRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "user.contact.email") String field,
            @NotBlank @Size(max = 500) @Schema(examples = "zhang.san@example.com") String value) {
    }

    @Schema(name = "ConfirmationRequest", description = "The subject confirms (true) or declines (false) a request"
            + " a partner submitted on their behalf.")
    public record ConfirmationRequest(@NotNull Boolean confirmed) {
    }

    @Schema(name = "ExtensionRequest", description = "One extension of the deadline, where the policy allows it; the"
            + " reason is shown to the subject.")
    public record ExtensionRequest(
            @NotBlank @Size(max = 2000) @Schema(examples = "Complex request: three partners must search archived"
                    + " systems") String reason,
            @Min(1) @Max(366) @Schema(description = "Calendar days to add to the original deadline; omitted: the"
                    + " longest extension the policy allows") Integer days) {
    }
}

package com.privacyplatform.registry.processor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the processor endpoints. */
public final class ProcessorRequests {

    private ProcessorRequests() {
    }

    @Schema(name = "ProcessorRequest", description = "3.3.b: an entrusted processor or sub-processor and what it may"
            + " process for the partner. Its purposes x categories must lie inside the partner's permitted scope."
            + " PUT replaces all fields while the processor is PROPOSED.")
    public record ProcessorRequest(
            @NotBlank @Size(max = 200) @Schema(description = "The entrusted organisation",
                    examples = "Cloud Hosting GmbH") String name,
            @NotBlank @Schema(description = "Where it processes: ISO 3166-1 alpha-2", examples = "DE") String country,
            @NotEmpty @Size(max = 20) @Schema(description = "Purpose ids of the vocabulary",
                    examples = "[\"payment_processing\"]") List<@NotBlank String> purposes,
            @NotEmpty @Size(max = 50) @Schema(description = "Data category ids of the vocabulary",
                    examples = "[\"user.name\", \"user.contact.email\"]") List<@NotBlank String> categories,
            @NotBlank @Schema(description = "A legal basis id of the vocabulary: EXPRESS_CONSENT, or another"
                    + " legitimate basis named in legalBasisDetail (CONSENT alone is not enough)",
                    examples = "EXPRESS_CONSENT") String legalBasis,
            @Size(max = 1000) @Schema(description = "Required unless legalBasis is EXPRESS_CONSENT: names the basis",
                    examples = "Data processing agreement of 2026-10-01, clause 4 (performance of the user agreement)")
            String legalBasisDetail) {
    }

    @Schema(name = "AttestationRequest", description = "3.3.b: the entrusted party attests that it complies with"
            + " equivalent requirements for the protection of information and privacy.")
    public record AttestationRequest(
            @NotBlank @Size(max = 200) @Schema(description = "Who attested, on behalf of the processor",
                    examples = "Data Protection Officer, Cloud Hosting GmbH") String attestedBy,
            @NotNull @Schema(description = "When it was attested (RFC 3339); not in the future",
                    examples = "2026-11-20T09:00:00Z") Instant attestedAt,
            @NotBlank @Size(max = 500) @Schema(description = "Where the signed attestation is filed",
                    examples = "DMS-2026-0042") String documentReference) {
    }

    @Schema(name = "ProcessorDecisionRequest", description = "Why the processor is approved or withdrawn.")
    public record DecisionRequest(
            @NotBlank @Size(max = 1000) @Schema(examples = "Attestation and data processing agreement reviewed")
            String reason) {
    }
}

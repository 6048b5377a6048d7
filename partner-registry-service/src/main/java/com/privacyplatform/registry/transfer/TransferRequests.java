package com.privacyplatform.registry.transfer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the transfer endpoints. */
public final class TransferRequests {

    private TransferRequests() {
    }

    @Schema(name = "TransferRequest", description = "3.3.c: a cross-border provision of personal information.")
    public record TransferRequest(
            @NotBlank @Schema(description = "ISO 3166-1 alpha-2; not the partner's own jurisdiction",
                    examples = "DE") String destinationCountry,
            @NotBlank @Size(max = 200) @Schema(description = "The receiving organisation",
                    examples = "Cloud Hosting GmbH") String recipient,
            @NotEmpty @Size(max = 50) @Schema(description = "Data category ids of the vocabulary",
                    examples = "[\"user.name\", \"user.contact.email\"]") List<@NotBlank String> categories,
            @NotBlank @Schema(description = "A transferMechanisms id of the vocabulary",
                    examples = "STANDARD_CONTRACT") String legalMechanism) {
    }

    @Schema(name = "TransferDecisionRequest", description = "Why the compliance officer approves, rejects or revokes.")
    public record DecisionRequest(
            @NotBlank @Size(max = 1000) @Schema(examples = "Standard contract filed with the regulator on 2026-11-20")
            String reason) {
    }
}

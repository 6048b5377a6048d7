package com.privacyplatform.registry.scope;

import com.privacyplatform.api.events.PartnerEvents.ScopeItem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ScopeRequests {

    private ScopeRequests() {
    }

    @Schema(name = "ScopeItemRequest")
    public record ScopeItemRequest(
            @NotBlank @Schema(examples = "payment_processing") String purpose,
            @NotEmpty @Size(max = 50) List<@NotBlank String> categories) {
    }

    @Schema(name = "ScopeRequest", description = "The full permitted scope (replaces the previous one).")
    public record ScopeRequest(@NotNull @Size(max = 100) List<@NotNull @Valid ScopeItemRequest> entries) {
    }

    @Schema(name = "AutomatedDecisionAuthorizationRequest", description = "3.2.c: the platform's authorization for the"
            + " purposes that profile people or decide about them automatically (the vocabulary's profiling purposes:"
            + " automated_decision_making, fraud_detection, personalization). Withdrawing it removes them from the scope.")
    public record AdmAuthorizationRequest(@NotNull Boolean authorized,
            @NotBlank @Size(max = 1000) @Schema(examples = "Credit-limit model reviewed by the platform") String reason) {
    }

    @Schema(name = "Scope")
    public record ScopeView(UUID partnerId, int scopeVersion,
            @Schema(description = "3.2.c: whether the platform authorized the purposes that profile or decide"
                    + " automatically (the vocabulary's profiling purposes)") boolean automatedDecisionAuthorized,
            List<ScopeItem> entries) {
    }
}

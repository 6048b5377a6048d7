package com.privacyplatform.registry.partner;

import com.privacyplatform.registry.credential.CredentialRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the partner endpoints. */
public final class PartnerRequests {

    private PartnerRequests() {
    }

    @Schema(name = "ContactRequest", description = "The partner's business contact.")
    public record ContactRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Li Wei") String name,
            @NotBlank @Email @Size(max = 254) @Schema(examples = "privacy@shop.example") String email,
            @Size(max = 40) @Pattern(regexp = "[+0-9 ()./-]*", message = "may contain digits, spaces and + ( ) . / - only")
            @Schema(examples = "+86 10 6552 9988") String phone) {
    }

    @Schema(name = "OnboardPartnerRequest")
    public record OnboardRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Shop Example Ltd.") String legalName,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
            @Schema(examples = "CN") String jurisdiction,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,100}", message = "must be 3-100 letters, digits, . _ or -")
            @Schema(description = "The partner's OIDC client id; the partner id is derived from it.",
                    examples = "partner-demo-a") String oidcClientId,
            @NotNull @Valid ContactRequest contact,
            @Valid @Schema(description = "The credential of the partner's new OIDC client, which onboarding creates in"
                    + " Keycloak. Required unless a client prepared for this partner already exists (its hard-coded"
                    + " partner_id is this partner's id), which then keeps its own credential.")
            CredentialRequest credential) {
    }

    @Schema(name = "UpdatePartnerRequest", description = "Full replacement of the partner's profile (PUT).")
    public record UpdateRequest(
            @NotBlank @Size(max = 200) String legalName,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String jurisdiction,
            @NotNull @Valid ContactRequest contact) {
    }

    @Schema(name = "TransitionRequest", description = "Why the partner's status changes.")
    public record TransitionRequest(
            @NotBlank @Size(max = 1000) @Schema(examples = "Security officer named and scope agreed") String reason) {
    }

    @Schema(name = "SecurityOfficerRequest", description = "3.4.d: the person in charge of information security and the responsible department.")
    public record SecurityOfficerRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Zhang San") String name,
            @Email @Size(max = 254) @Schema(examples = "security@shop.example") String email,
            @Size(max = 40) @Pattern(regexp = "[+0-9 ()./-]*", message = "may contain digits, spaces and + ( ) . / - only")
            @Schema(examples = "+86 138 1234 5678") String phone,
            @NotBlank @Size(max = 200) @Schema(examples = "Information Security Department") String department) {
    }
}

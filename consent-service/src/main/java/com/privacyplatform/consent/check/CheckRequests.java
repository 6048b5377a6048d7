package com.privacyplatform.consent.check;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer of {@code POST /consents/check}. */
public final class CheckRequests {

    private CheckRequests() {
    }

    public enum CheckDecision {
        ALLOW, DENY
    }

    @Schema(name = "ConsentCheckRequest", description = "May the partner process this category of this subject for"
            + " this purpose now? Partners check for themselves (partnerId may be omitted); officers and platform"
            + " services name the partner. With a recipient: may it disclose that data to that third party now?")
    public record CheckRequest(
            @Schema(examples = "2b9ab027-cb68-523d-81ec-293ae3eaf63b") UUID partnerId,
            @NotBlank @Size(max = 128) @Schema(examples = "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c") String subjectId,
            @NotBlank @Schema(examples = "payment_processing") String purpose,
            @NotBlank @Schema(examples = "user.financial.bank_account") String category,
            @Size(max = 200) @Schema(description = "Optional: a third party the data would be disclosed to, by name"
                    + " (case and outer spaces ignored). ALLOW only when the consent names it (3.3.a); for a"
                    + " recipient in another country than the partner's, only under an APPROVED transfer covering"
                    + " the category (3.3.c)", examples = "Acme Logistics Ltd.") String recipient) {
    }

    @Schema(name = "ConsentCheck", description = "ALLOW or DENY with the reason (and the clause behind a denial).")
    public record CheckView(
            @Schema(examples = "ALLOW") CheckDecision decision,
            @Schema(examples = "CONSENT_GRANTED") CheckReason reason,
            @Schema(description = "The clause behind a denial", examples = "3.5.a") String clause,
            @Schema(description = "The decision the answer rests on, if any") UUID consentId,
            Instant expiresAt,
            @Schema(examples = "EXPRESS_CONSENT") String legalBasis,
            Instant checkedAt) {
    }
}

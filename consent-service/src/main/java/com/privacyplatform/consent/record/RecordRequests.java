package com.privacyplatform.consent.record;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /consents}: one collection event, one decision per purpose. */
public final class RecordRequests {

    private RecordRequests() {
    }

    @Schema(name = "RecordConsentRequest", description = "What the subject was shown and decided, per purpose"
            + " (1.2: each purpose is decided and stored on its own).")
    public record RecordRequest(
            @NotBlank @Size(max = 128)
            @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be a pseudonymous id: letters, digits, . _ : - only")
            @Schema(description = "The subject's pseudonymous id (for platform users: the token's sub)",
                    examples = "6b1f2c1e-3d4a-4f5b-8c6d-00000000a11c") String subjectId,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
            @Schema(examples = "CN") String jurisdiction,
            @NotBlank @Size(max = 35) @Schema(description = "BCP 47 language tag of the notice", examples = "zh-CN")
            String language,
            @NotNull @Schema(examples = "MOBILE_APP") Channel channel,
            @NotNull @Schema(examples = "2026-11-26T09:30:00Z") Instant collectedAt,
            @Schema(description = "When the consent ends by itself; absent = until revoked",
                    examples = "2027-11-26T09:30:00Z") Instant expiresAt,
            @NotNull @Valid NoticeRequest notice,
            @NotBlank @Schema(description = "A legal basis of the vocabulary", examples = "EXPRESS_CONSENT")
            String legalBasis,
            @NotBlank @Schema(description = "A consent method of the vocabulary (express: CHECKBOX, CLICK,"
                    + " SIGNATURE, VERBAL_RECORDED)", examples = "CHECKBOX") String method,
            @Size(max = 20) List<@NotNull @Valid RecipientRequest> recipients,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid PurposeDecision> purposes) {

        public List<RecipientRequest> recipientsOrEmpty() {
            return recipients == null ? List.of() : recipients;
        }
    }

    @Schema(name = "NoticeRequest", description = "The privacy notice shown when the consent was collected (1.1).")
    public record NoticeRequest(
            @NotBlank @Size(max = 64) @Schema(examples = "2026-11") String version,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 hex digest (64 hex digits)")
            @Schema(description = "SHA-256 (hex) of the notice text shown",
                    examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String textHash) {
    }

    @Schema(name = "RecipientRequest", description = "A third party the data may be disclosed to (3.3.a).")
    public record RecipientRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Acme Logistics Ltd.") String name,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
            @Schema(examples = "SG") String country,
            @Schema(description = "ORGANIZATION (default) or PERSON", examples = "ORGANIZATION") Recipient.Kind kind,
            @Email @Size(max = 254) @Schema(examples = "privacy@acme-logistics.example") String contactEmail) {
    }

    @Schema(name = "PurposeDecision", description = "The subject's decision for one purpose.")
    public record PurposeDecision(
            @NotBlank @Schema(examples = "marketing.communications") String purpose,
            @NotEmpty @Size(max = 30) List<@NotBlank String> categories,
            @NotNull @Schema(description = "true: granted; false: refused (recorded as REFUSED)") Boolean granted) {
    }
}

package com.privacyplatform.consent.record;

import com.privacyplatform.consent.record.RecordRequests.RecordRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /consents/imports}: a compliance officer's documented migration of earlier decisions. */
public final class ImportRequests {

    private ImportRequests() {
    }

    @Schema(name = "ImportConsentRequest", description = "Decisions a partner collected before the recording window"
            + " (consent.record.max-collection-age, 30 days by default), imported by a compliance officer as a"
            + " documented migration. Every other rule of POST /consents applies, including 409 for a decision dated"
            + " before the subject's revocation, refusal or expiry.")
    public record ImportRequest(
            @NotNull @Schema(description = "The partner that collected the decisions",
                    examples = "2b9ab027-cb68-523d-81ec-293ae3eaf63b") UUID partnerId,
            @NotNull @Valid MigrationRequest migration,
            @NotNull @Valid @Schema(description = "The collection event as the partner would have recorded it")
            RecordRequest collection) {
    }

    @Schema(name = "MigrationRequest", description = "What documents the migration: its reference and why these"
            + " decisions come in late. Shown in the consent's history and kept on the audit trail; write no personal"
            + " values into it.")
    public record MigrationRequest(
            @NotBlank @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9._:/-]+", message = "letters, digits and . _ : / - only")
            @Schema(examples = "MIG-2026-017") String reference,
            @NotBlank @Size(min = 20, max = 1000)
            @Schema(examples = "Consents collected by the partner's legacy shop before onboarding, exported from its"
                    + " consent log and checked against the signed notices") String justification) {
    }
}

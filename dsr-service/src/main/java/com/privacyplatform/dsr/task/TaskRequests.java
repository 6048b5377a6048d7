package com.privacyplatform.dsr.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the task endpoints; the evidence records are also what is stored. */
public final class TaskRequests {

    private TaskRequests() {
    }

    @Schema(name = "TaskCompletion", description = "Evidence that the work is done. Exactly the part that fits the"
            + " task: ACCESS `export`; CORRECTION `correction`; DELETION `deletion` (kind PARTNER) or `notice` (kind"
            + " RECIPIENT).")
    public record CompletionRequest(
            @Schema(description = "ACCESS: the subject's data as a JSON object; stored encrypted, expiring")
            JsonNode export,
            @Valid DeletionStatement deletion,
            @Valid RecipientNotice notice,
            @Valid CorrectionRecord correction,
            @Size(max = 2000) String note) {
    }

    /** 3.5.c: what was deleted, where, when, by whom. */
    @RegisterForReflection
    @Schema(name = "DeletionStatement")
    public record DeletionStatement(
            @NotBlank @Size(max = 2000) @Schema(examples = "Customer profile, order history and saved addresses")
            String whatWasDeleted,
            @NotEmpty @Size(max = 50)
            @Schema(examples = "[\"crm\", \"orders-db\", \"backups (rotated within 30 days)\"]")
            List<@NotBlank @Size(max = 200) String> systems,
            @NotNull @PastOrPresent OffsetDateTime deletedAt,
            @NotBlank @Size(max = 200) @Schema(examples = "Data protection team, ticket DP-1042") String deletedBy) {
    }

    /** 3.5.c.b-c: the disclosure stopped and the recipient was told to delete. */
    @RegisterForReflection
    @Schema(name = "RecipientNotice")
    public record RecipientNotice(
            @NotNull @PastOrPresent OffsetDateTime disclosureStoppedAt,
            @NotNull @PastOrPresent OffsetDateTime recipientNotifiedAt,
            @NotBlank @Size(max = 200) String notifiedBy,
            @Size(max = 500) @Schema(description = "e.g. the recipient's ticket or letter reference")
            String reference) {
    }

    /** 3.5.b: the correction was made. */
    @RegisterForReflection
    @Schema(name = "CorrectionRecord")
    public record CorrectionRecord(
            @NotNull @PastOrPresent OffsetDateTime correctedAt,
            @NotBlank @Size(max = 200) String correctedBy,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> systems) {
    }

    @Schema(name = "TaskRejection", description = "Why the partner may not act: a legal basis other than consent"
            + " (e.g. LEGAL_OBLIGATION for a retention duty) and an explanation shown to the subject. A DELETION"
            + " task's rejection goes to the officer's review first; it may cite a retention basis the partner"
            + " recorded.")
    public record RejectionRequest(
            @NotBlank @Size(max = 64) @Schema(examples = "LEGAL_OBLIGATION") String legalBasis,
            @NotBlank @Size(max = 2000) @Schema(examples = "Tax law requires invoices to be kept for 10 years")
            String explanation,
            @Schema(description = "A retention basis of the partner (3.5.d) covering this subject")
            UUID retentionBasisId) {
    }
}

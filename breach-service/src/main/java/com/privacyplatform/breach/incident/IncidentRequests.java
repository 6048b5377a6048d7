package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.assessment.Severity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the incident endpoints. Times are RFC 3339 with an offset; they are stored as instants. */
public final class IncidentRequests {

    static final long MAX_SUBJECTS = 10_000_000_000L;

    private IncidentRequests() {
    }

    @Schema(name = "ReportIncidentRequest", description = "5.1: what the partner knows now; later updates add facts.")
    public record ReportRequest(
            @NotNull @Schema(examples = "CONFIRMED_BREACH") IncidentKind kind,
            @NotNull @Schema(description = "When the partner became aware of it; every clock runs from here.",
                    examples = "2026-11-25T09:30:00+08:00") OffsetDateTime discoveredAt,
            @Schema(description = "When it happened, if known; not after discoveredAt.",
                    examples = "2026-11-24T22:10:00+08:00") OffsetDateTime occurredAt,
            @NotBlank @Size(max = 10000) @Schema(examples = "Order export API returned other customers' orders;"
                    + " reported by customer li.wei@example.com") String description,
            @NotNull @Size(min = 1, max = 50) @Schema(description = "Data categories of the vocabulary.",
                    examples = "[\"user.contact.phone_number\", \"user.financial.transaction\"]")
            List<@NotBlank String> categories,
            @PositiveOrZero @Max(MAX_SUBJECTS) @Schema(description = "Estimated; omit when not known yet.",
                    examples = "2400") Long affectedSubjects,
            @NotNull @Schema(examples = "true") Boolean sensitiveDataInvolved,
            @Schema(description = "Whether the affected data were encrypted; omit when not known.", examples = "false")
            Boolean dataEncrypted,
            @Size(max = 10000) @Schema(examples = "Export endpoint disabled at 10:05; API keys rotated")
            String containmentMeasures,
            @NotNull @Size(min = 1, max = 50) @Schema(description = "ISO 3166-1 alpha-2 codes of the affected"
                    + " subjects' jurisdictions.", examples = "[\"CN\", \"DE\"]") List<@NotBlank String> jurisdictions) {
    }

    @Schema(name = "IncidentUpdateRequest", description = "A phased update (GDPR Art. 33(4)): the fields sent replace"
            + " the current facts, omitted fields stay as they are; the note says what is new. discoveredAt cannot"
            + " change: the clocks run from the first report's awareness time.")
    public record UpdateRequest(
            @NotBlank @Size(max = 10000) @Schema(examples = "Forensics confirmed the leak; 2,400 customers affected")
            String note,
            @Schema(examples = "CONFIRMED_BREACH") IncidentKind kind,
            @Null(message = "cannot change after the report: the clocks run from it")
            @Schema(description = "Must be absent: the awareness time of the first report is kept")
            OffsetDateTime discoveredAt,
            OffsetDateTime occurredAt,
            @Size(max = 10000) String description,
            @Size(min = 1, max = 50) List<@NotBlank String> categories,
            @PositiveOrZero @Max(MAX_SUBJECTS) @Schema(examples = "2400") Long affectedSubjects,
            Boolean sensitiveDataInvolved,
            Boolean dataEncrypted,
            @Size(max = 10000) String containmentMeasures,
            @Size(min = 1, max = 50) List<@NotBlank String> jurisdictions) {
    }

    @Schema(name = "SeverityOverrideRequest", description = "An officer's decision over the derived severity.")
    public record SeverityOverrideRequest(
            @NotNull @Schema(examples = "CRITICAL") Severity severity,
            @NotBlank @Size(max = 2000) @Schema(examples = "Credentials in the leak allow account takeover")
            String justification) {
    }

    @Schema(name = "ClosureRequest")
    public record ClosureRequest(
            @NotBlank @Size(max = 10000) @Schema(examples = "Endpoint fixed and pen-tested; affected users notified;"
                    + " keys rotated") String remediationSummary) {
    }
}

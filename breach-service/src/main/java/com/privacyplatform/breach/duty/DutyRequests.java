package com.privacyplatform.breach.duty;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class DutyRequests {

    private DutyRequests() {
    }

    @Schema(name = "DutyCompletionRequest", description = "The notification was made: its reference and when.")
    public record CompletionRequest(
            @NotBlank @Size(max = 500) @Schema(examples = "BfDI case 2026-11-0042") String reference,
            @Schema(description = "When it was made (RFC 3339 with offset); default now. Not before discoveredAt,"
                    + " not in the future.", examples = "2026-11-26T10:00:00+01:00") OffsetDateTime completedAt) {
    }

    @Schema(name = "DutyWaiverRequest", description = "An officer's decision that the duty is not required.")
    public record WaiverRequest(
            @NotBlank @Size(max = 2000) @Schema(examples = "GDPR Art. 33(1): unlikely to result in a risk - the"
                    + " misdirected file was retrieved unopened") String reason) {
    }
}

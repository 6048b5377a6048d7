package com.privacyplatform.breach.duty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationDuty", description = "A notification duty of the incident with its clock and source.")
public record DutyView(
        UUID id,
        UUID incidentId,
        @Schema(examples = "GDPR-33-SA") String ruleId,
        @Schema(description = "Version of the duty table the duty was planned from") String ruleVersion,
        @Schema(examples = "GDPR") String regime,
        List<String> jurisdictions,
        Recipient recipient,
        @Schema(examples = "Notify the competent supervisory authority") String title,
        @Schema(examples = "GDPR Art. 33(1)") String source,
        @Schema(examples = "PT72H") String window,
        String windowBasis,
        Instant dueAt,
        @Schema(description = "From here on the duty is announced as due (breach.duty-due)") Instant warnAt,
        DutyState state,
        @Schema(description = "Pending past its due time") boolean overdue,
        @Schema(description = "Done after its due time") boolean late,
        String reference,
        Instant completedAt,
        String notRequiredReason,
        @Schema(description = "'system' when the rules decided the state, else the officer or partner") String decidedBy,
        Instant dueNotifiedAt,
        Instant lapsedNotifiedAt) {
}

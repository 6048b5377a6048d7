package com.privacyplatform.breach.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TimelineEntry", description = "One fact, decision, notification or measure; note is free text"
        + " (masked for viewers other than the reporting partner, 3.2.d).")
public record TimelineView(
        long seq,
        UUID id,
        Instant recordedAt,
        TimelineCategory category,
        TimelineKind kind,
        @Schema(examples = "partner:2b9ab027-cb68-523d-81ec-293ae3eaf63b") String actor,
        @Schema(examples = "partner") String actorRole,
        String summary,
        String note,
        @Schema(description = "Structured facts of the entry (ids, old -> new values)") JsonNode data) {
}

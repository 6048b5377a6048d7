package com.privacyplatform.dsr.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The subject's download of an ACCESS request. */
public final class ExportViews {

    private ExportViews() {
    }

    @Schema(name = "AccessExport", description = "The subject's data as each partner delivered it (3.5.a);"
            + " available to the subject only, until each part expires")
    public record ExportView(UUID requestId, String subjectId, Instant generatedAt, List<ExportPartView> parts) {
    }

    @Schema(name = "AccessExportPart")
    public record ExportPartView(UUID partnerId, UUID taskId, Instant deliveredAt, Instant expiresAt,
            @Schema(description = "The partner's export, as delivered") JsonNode data) {
    }
}

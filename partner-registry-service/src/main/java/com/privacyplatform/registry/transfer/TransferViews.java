package com.privacyplatform.registry.transfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the transfer endpoints (no personal values: the recipient is an organisation). */
public final class TransferViews {

    private TransferViews() {
    }

    @Schema(name = "Transfer")
    public record TransferView(
            UUID id,
            UUID partnerId,
            String destinationCountry,
            String recipient,
            List<String> categories,
            String legalMechanism,
            TransferStatus status,
            String statusReason,
            Instant statusChangedAt,
            Instant createdAt,
            Instant updatedAt,
            long version) {
    }

    public static TransferView of(Transfer t) {
        return new TransferView(t.id, t.partnerId, t.destinationCountry, t.recipient, List.copyOf(t.categories),
                t.legalMechanism, t.status, t.statusReason, t.statusChangedAt.toInstant(), t.createdAt.toInstant(),
                t.updatedAt.toInstant(), t.version);
    }

}

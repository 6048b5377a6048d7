package com.privacyplatform.registry.processor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the processor endpoints (processors are organisations: nothing to mask). */
public final class ProcessorViews {

    private ProcessorViews() {
    }

    @Schema(name = "EquivalentProtectionAttestation", description = "3.3.b")
    public record AttestationView(String attestedBy, Instant attestedAt, String documentReference,
            Instant recordedAt) {
    }

    @Schema(name = "Processor")
    public record ProcessorView(
            UUID id,
            UUID partnerId,
            String name,
            String country,
            List<String> purposes,
            List<String> categories,
            String legalBasis,
            String legalBasisDetail,
            AttestationView attestation,
            ProcessorStatus status,
            String statusReason,
            Instant statusChangedAt,
            Instant createdAt,
            Instant updatedAt,
            long version) {
    }

    public static ProcessorView of(Processor p) {
        AttestationView attestation = !p.isAttested() ? null : new AttestationView(p.attestedBy,
                p.attestedAt.toInstant(), p.attestationDocument, p.attestationRecordedAt.toInstant());
        return new ProcessorView(p.id, p.partnerId, p.name, p.country, List.copyOf(p.purposes),
                List.copyOf(p.categories), p.legalBasis, p.legalBasisDetail, attestation, p.status, p.statusReason,
                p.statusChangedAt.toInstant(), p.createdAt.toInstant(), p.updatedAt.toInstant(), p.version);
    }

}

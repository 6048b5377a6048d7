package com.privacyplatform.dsr.attestation;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response records of the attestation endpoints. */
public final class AttestationViews {

    private AttestationViews() {
    }

    @Schema(name = "DeletionAttestation", description = "A signed attestation (JWS) of a partner's declaration that it"
            + " deleted a subject's data (or, for a recipient task, stopped the disclosure and notified the recipient),"
            + " and of the platform's record of it - not of the deletion itself. Verify it with"
            + " /deletion-attestations/jwks.json.")
    public record AttestationView(UUID id, UUID taskId, UUID requestId, UUID partnerId, Instant issuedAt, String keyId,
            @Schema(description = "JWS compact serialization, header typ deletion-attestation+jwt")
            String attestation) {

        static AttestationView of(DeletionAttestation a) {
            return new AttestationView(a.id, a.taskId, a.requestId, a.partnerId, a.issuedAt.toInstant(), a.keyId, a.jws);
        }
    }
}

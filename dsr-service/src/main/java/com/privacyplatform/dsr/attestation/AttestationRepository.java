package com.privacyplatform.dsr.attestation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AttestationRepository implements PanacheRepositoryBase<DeletionAttestation, UUID> {

    /** A request's attestations, oldest first. */
    public Uni<List<DeletionAttestation>> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by issuedAt, id", requestId);
    }
}

package com.privacyplatform.dsr.attestation;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.retention.RetentionBasis;
import com.privacyplatform.dsr.retention.RetentionBasisRepository;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.Evidence;
import com.privacyplatform.dsr.task.TaskStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * 3.5.c: issues the signed deletion attestation of a DELETION task that just completed, in the same
 * transaction as the completion (a completed deletion task always has its attestation).
 */
@ApplicationScoped
public class AttestationIssuer {

    private final AttestationRepository attestations;
    private final RetentionBasisRepository bases;
    private final AttestationSigner signer;
    private final AuditTrail audit;
    private final PlatformClock clock;

    public AttestationIssuer(AttestationRepository attestations, RetentionBasisRepository bases,
            AttestationSigner signer, AuditTrail audit, PlatformClock clock) {
        this.audit = audit;
        this.attestations = attestations;
        this.bases = bases;
        this.signer = signer;
        this.clock = clock;
    }

    /** Call inside the completion's transaction; anything but a completed DELETION task is left alone. */
    @Enforces(value = "3.5.c", note = "a completed deletion yields a signed attestation of the partner's declaration")
    public Uni<Void> issueIfDeletion(DsrRequest r, DsrTask t, Evidence evidence, AuditActor actor) {
        if (t.type != RequestType.DELETION || t.status != TaskStatus.COMPLETED) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = t.retentionBasisIds.stream().map(UUID::fromString).toList();
        Uni<List<RetentionBasis>> used = ids.isEmpty() ? Uni.createFrom().item(List.of())
                : bases.list("id in ?1", ids);
        return used.chain(list -> {
            DeletionAttestation a = new DeletionAttestation();
            a.id = Ids.newId();
            a.taskId = t.id;
            a.requestId = r.id;
            a.partnerId = t.partnerId;
            a.subjectId = t.subjectId;
            a.issuedAt = clock.now();
            a.keyId = signer.keys().activeKeyId();
            List<RetentionBasis> sorted = list.stream().sorted(Comparator.comparing(b -> b.id.toString())).toList();
            a.jws = signer.sign(a.id.toString(), t.subjectId, Date.from(a.issuedAt.toInstant()),
                    AttestationClaims.of(r, t, evidence, sorted));
            return attestations.persist(a).call(() -> audit.record(actor, "deletion-attestation.issued",
                    "deletion-attestation", a.id.toString(), "{\"taskId\":\"" + t.id + "\",\"keyId\":\""
                            + a.keyId.replace("\"", "") + "\"}"));
        }).replaceWithVoid();
    }
}

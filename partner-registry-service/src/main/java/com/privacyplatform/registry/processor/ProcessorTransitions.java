package com.privacyplatform.registry.processor;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.scope.ScopeRepository;
import com.privacyplatform.registry.transfer.TransferRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The processor's lifecycle: the officer's approval (3.3.b, 3.3.c) and withdrawal. */
@ApplicationScoped
public class ProcessorTransitions {

    private final PartnerLocks partnerLocks;
    private final ProcessorService processors;
    private final ScopeRepository scopes;
    private final TransferRepository transfers;
    private final Changes changes;
    private final Caller caller;
    private final PlatformClock clock;

    public ProcessorTransitions(PartnerLocks partnerLocks, ProcessorService processors, ScopeRepository scopes,
            TransferRepository transfers, Changes changes, Caller caller, PlatformClock clock) {
        this.partnerLocks = partnerLocks;
        this.processors = processors;
        this.scopes = scopes;
        this.transfers = transfers;
        this.changes = changes;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * PROPOSED -> ACTIVE: the basis is named (checked on every write), equivalent protection is
     * attested, the scope lies inside the partner's, and a processor abroad has an APPROVED transfer.
     */
    @Enforces({"3.3.b", "3.3.c"})
    public Uni<Processor> approve(UUID partnerId, UUID processorId, String ifMatch, String reason) {
        return partnerLocks.lockVisible(partnerId).chain(partner -> changes.apply(processors.load(partner.id,
                processorId), p -> p.version, ifMatch, p -> {
                    requireTransition(p, ProcessorStatus.ACTIVE);
                    PartnerLocks.requireOpen(partner);
                    ProcessorRules.requireAttestation(p);
                    return scopes.scopeOf(partner.id)
                            .invoke(scope -> ProcessorRules.requireInsideScope(p.purposes, p.categories, scope))
                            .chain(() -> requireTransfer(partner, p))
                            .chain(() -> move(p, ProcessorStatus.ACTIVE, reason));
                }));
    }

    /** PROPOSED or ACTIVE -> WITHDRAWN (final); allowed after the partner's termination too. */
    public Uni<Processor> withdraw(UUID partnerId, UUID processorId, String ifMatch, String reason) {
        return partnerLocks.lockVisible(partnerId).chain(partner -> changes.apply(processors.load(partner.id,
                processorId), p -> p.version, ifMatch, p -> {
                    requireTransition(p, ProcessorStatus.WITHDRAWN);
                    return move(p, ProcessorStatus.WITHDRAWN, reason);
                }));
    }

    @Enforces("3.3.c")
    private Uni<Void> requireTransfer(Partner partner, Processor p) {
        if (!ProcessorRules.isAbroad(p, partner)) {
            return Uni.createFrom().voidItem();
        }
        return transfers.approvedTo(partner.id, p.country)
                .invoke(approved -> ProcessorRules.requireTransfer(p, partner, approved))
                .replaceWithVoid();
    }

    private Uni<AuditTrail.Entry> move(Processor p, ProcessorStatus to, String reason) {
        ProcessorStatus from = p.status;
        p.status = to;
        p.statusReason = reason.strip();
        p.statusChangedAt = clock.now();
        p.statusChangedBy = caller.auditActor().actor();
        p.updatedAt = p.statusChangedAt;
        return Changes.audited("processor." + (to == ProcessorStatus.ACTIVE ? "approved" : "withdrawn"), "processor",
                p.id, "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
    }

    private static void requireTransition(Processor p, ProcessorStatus to) {
        if (!p.status.canBecome(to)) {
            throw ProblemException.conflict("a " + p.status + " processor cannot become " + to);
        }
    }
}

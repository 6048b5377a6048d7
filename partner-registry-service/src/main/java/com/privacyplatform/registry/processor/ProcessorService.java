package com.privacyplatform.registry.processor;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.commons.time.Utc;
import com.privacyplatform.registry.processor.ProcessorRequests.AttestationRequest;
import com.privacyplatform.registry.processor.ProcessorRequests.ProcessorRequest;
import com.privacyplatform.registry.scope.ScopeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Proposing, updating and attesting entrusted processors (3.3.b); approval lives in {@link ProcessorTransitions}. */
@ApplicationScoped
public class ProcessorService {

    /** Clock skew tolerated on {@code attestedAt}. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final PartnerLocks partnerLocks;
    private final ProcessorRepository processors;
    private final ScopeRepository scopes;
    private final AuditTrail audit;
    private final Caller caller;
    private final PlatformClock clock;
    private final Changes changes;

    public ProcessorService(PartnerLocks partnerLocks, ProcessorRepository processors, ScopeRepository scopes,
            AuditTrail audit, Caller caller, PlatformClock clock, Changes changes) {
        this.partnerLocks = partnerLocks;
        this.processors = processors;
        this.scopes = scopes;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
        this.changes = changes;
    }

    /** Call inside a transaction; the processor starts PROPOSED. */
    @Enforces("3.3.b")
    public Uni<Processor> propose(UUID partnerId, ProcessorRequest request) {
        checkTerms(request);
        return partnerLocks.lockVisible(partnerId).chain(partner -> {
            PartnerLocks.requireOpen(partner);
            return requireInsideScope(partner.id, request).chain(() -> {
                OffsetDateTime now = clock.now();
                Processor p = new Processor();
                p.id = Ids.newId();
                p.partnerId = partner.id;
                apply(p, request);
                p.status = ProcessorStatus.PROPOSED;
                p.statusChangedAt = now;
                p.statusChangedBy = caller.auditActor().actor();
                p.createdAt = now;
                p.updatedAt = now;
                return processors.persist(p).call(() -> record(p, "processor.proposed",
                        "{\"partnerId\":\"" + partner.id + "\",\"country\":\"" + p.country + "\"}"));
            });
        }).call(processors::flush);
    }

    /** Full replacement while PROPOSED; a new name or country voids the attestation (it named another party). */
    @Enforces("3.3.b")
    public Uni<Processor> update(UUID partnerId, UUID processorId, String ifMatch, ProcessorRequest request) {
        checkTerms(request);
        return partnerLocks.lockVisible(partnerId).chain(partner -> changes.apply(load(partner.id, processorId),
                p -> p.version, ifMatch, p -> {
                    PartnerLocks.requireOpen(partner);
                    if (p.status != ProcessorStatus.PROPOSED) {
                        throw ProblemException.conflict("a " + p.status + " processor can no longer be changed;"
                                + " propose a new one and withdraw this one");
                    }
                    return requireInsideScope(partner.id, request).chain(() -> {
                        boolean otherParty = !p.name.equals(request.name().strip())
                                || !p.country.equals(request.country());
                        if (otherParty) {
                            p.clearAttestation();
                        }
                        apply(p, request);
                        p.updatedAt = clock.now();
                        return audited(p, "processor.updated", "{\"attestationCleared\":" + otherParty + "}");
                    });
                }));
    }

    /** 3.3.b: records the entrusted party's attestation of equivalent protection (replaces an earlier one). */
    @Enforces("3.3.b")
    public Uni<Processor> attest(UUID partnerId, UUID processorId, String ifMatch, AttestationRequest request) {
        if (request.attestedAt().isAfter(clock.instant().plus(SKEW))) {
            throw ProblemException.validation("attestation in the future",
                    List.of(new Problem.FieldError("attestedAt", "must not be in the future")));
        }
        return partnerLocks.lockVisible(partnerId).chain(partner -> changes.apply(load(partner.id, processorId),
                p -> p.version, ifMatch, p -> {
                    PartnerLocks.requireOpen(partner);
                    if (p.status == ProcessorStatus.WITHDRAWN) {
                        throw ProblemException.conflict("the processor is WITHDRAWN");
                    }
                    boolean renewed = p.isAttested();
                    p.attestedBy = request.attestedBy().strip();
                    p.attestedAt = Utc.utc(request.attestedAt());
                    p.attestationDocument = request.documentReference().strip();
                    p.attestationRecordedAt = clock.now();
                    p.updatedAt = p.attestationRecordedAt;
                    // the audit entry names no one: only that an attestation was recorded or renewed
                    return audited(p, "processor.attested", "{\"renewed\":" + renewed + "}");
                }));
    }

    /** The partner's processor, or 404 when the partner or the processor is not the caller's to see. */
    public Uni<Processor> load(UUID partnerId, UUID processorId) {
        return processors.findOf(partnerId, processorId)
                .invoke(p -> caller.requireVisible(p != null && caller.maySeePartner(partnerId), "processor"));
    }

    private Uni<Void> requireInsideScope(UUID partnerId, ProcessorRequest request) {
        return scopes.scopeOf(partnerId)
                .invoke(scope -> ProcessorRules.requireInsideScope(request.purposes(), request.categories(), scope))
                .replaceWithVoid();
    }

    private static Uni<AuditTrail.Entry> audited(Processor p, String action, String details) {
        return Changes.audited(action, "processor", p.id, details);
    }

    private Uni<Void> record(Processor p, String action, String details) {
        return audit.record(caller.auditActor(), action, "processor", p.id.toString(), details).replaceWithVoid();
    }

    private static void checkTerms(ProcessorRequest request) {
        ProcessorRules.requireKnownTerms(request);
        ProcessorRules.requireLegitimateBasis(request.legalBasis(), request.legalBasisDetail());
    }

    private static void apply(Processor p, ProcessorRequest request) {
        p.name = request.name().strip();
        p.country = request.country();
        p.purposes = new ArrayList<>(new LinkedHashSet<>(request.purposes()));
        p.categories = new ArrayList<>(new LinkedHashSet<>(request.categories()));
        p.legalBasis = request.legalBasis();
        p.legalBasisDetail = request.legalBasisDetail() == null || request.legalBasisDetail().isBlank() ? null
                : request.legalBasisDetail().strip();
    }
}

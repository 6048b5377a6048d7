package com.privacyplatform.registry.transfer;

import com.privacyplatform.api.events.PartnerEvents;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.partner.PartnerRepository;
import com.privacyplatform.registry.transfer.TransferRequests.TransferRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * 3.3.c: cross-border transfers are recorded with destination, recipient, categories and legal
 * mechanism, and take effect only when the compliance officer approves them. Writes lock the
 * partner row, so a revocation and a processor approval that relies on the transfer never interleave.
 */
@ApplicationScoped
@Enforces(value = "3.3.c", note = "cross-border transfers need a legal mechanism and the officer's approval")
public class TransferService {

    private final PartnerRepository partners;
    private final TransferRepository transfers;
    private final AuditTrail audit;
    private final Caller caller;
    private final Instance<TransferRevocationGuard> guards;
    private final ApprovedTransfers approved;
    private final Outbox outbox;
    private final PlatformClock clock;
    private final Changes changes;

    public TransferService(PartnerRepository partners, TransferRepository transfers, AuditTrail audit, Caller caller,
            Instance<TransferRevocationGuard> guards, ApprovedTransfers approved, Outbox outbox, PlatformClock clock,
            Changes changes) {
        this.partners = partners;
        this.transfers = transfers;
        this.audit = audit;
        this.caller = caller;
        this.guards = guards;
        this.approved = approved;
        this.outbox = outbox;
        this.clock = clock;
        this.changes = changes;
    }

    /** Call inside a transaction; the transfer starts PENDING_APPROVAL. */
    public Uni<Transfer> request(UUID partnerId, TransferRequest request) {
        List<String> categories = validated(request);
        return lockPartner(partnerId).chain(p -> {
            requireOpen(p);
            if (p.jurisdiction.equals(request.destinationCountry())) {
                throw ProblemException.validation("not a cross-border transfer", List.of(new Problem.FieldError(
                        "destinationCountry", "is the partner's own jurisdiction; only transfers abroad are recorded")));
            }
            OffsetDateTime now = clock.now();
            Transfer t = new Transfer();
            t.id = Ids.newId();
            t.partnerId = p.id;
            t.destinationCountry = request.destinationCountry();
            t.recipient = request.recipient().strip();
            t.categories = categories;
            t.legalMechanism = request.legalMechanism();
            t.status = TransferStatus.PENDING_APPROVAL;
            t.statusChangedAt = now;
            t.statusChangedBy = caller.auditActor().actor();
            t.createdAt = now;
            t.updatedAt = now;
            return transfers.persist(t)
                    .call(() -> record(t, "transfer.requested", "{\"partnerId\":\"" + p.id + "\",\"destination\":\""
                            + t.destinationCountry + "\",\"legalMechanism\":\"" + t.legalMechanism + "\"}"))
                    .call(transfers::flush);
        });
    }

    /** The officer's decision: APPROVED, REJECTED or REVOKED; illegal moves are 409. */
    public Uni<Transfer> decide(UUID partnerId, UUID transferId, String ifMatch, TransferStatus to, String reason) {
        return lockPartner(partnerId).chain(p -> changes.apply(load(p.id, transferId), t -> t.version, ifMatch, t -> {
            if (!t.status.canBecome(to)) {
                throw ProblemException.conflict("a " + t.status + " transfer cannot become " + to);
            }
            if (to == TransferStatus.APPROVED) {
                requireOpen(p);
            }
            Uni<Void> check = to == TransferStatus.REVOKED ? checkGuards(p, t) : Uni.createFrom().voidItem();
            return check.chain(() -> {
                TransferStatus from = t.status;
                t.status = to;
                t.statusReason = reason.strip();
                t.statusChangedAt = clock.now();
                t.statusChangedBy = caller.auditActor().actor();
                t.updatedAt = t.statusChangedAt;
                return Changes.audited("transfer." + to.name().toLowerCase(Locale.ROOT), "transfer", t.id,
                        "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
            });
        }).call(t -> publishApproved(p, to, t.statusChangedAt)));
    }

    /**
     * 3.3.c: an approval or revocation changes what consent-service lets recipients abroad receive;
     * it learns the partner's APPROVED transfers as a whole, in this transaction (outbox).
     */
    private Uni<Void> publishApproved(Partner p, TransferStatus to, OffsetDateTime at) {
        if (to != TransferStatus.APPROVED && to != TransferStatus.REVOKED) {
            return Uni.createFrom().voidItem();
        }
        return approved.of(p.id).chain(facts -> outbox.publish(PartnerEvents.TRANSFERS_CHANGED, p.id.toString(),
                new PartnerEvents.TransfersChanged(p.id, p.jurisdiction, facts.version(), facts.approved(),
                        at.toInstant()))).replaceWithVoid();
    }

    /** The partner's transfer, or 404 when the partner or the transfer is not the caller's to see. */
    public Uni<Transfer> load(UUID partnerId, UUID transferId) {
        return transfers.findOf(partnerId, transferId)
                .invoke(t -> caller.requireVisible(t != null && caller.maySeePartner(partnerId), "transfer"));
    }

    private Uni<Void> checkGuards(Partner p, Transfer revoked) {
        return transfers.approvedTo(p.id, revoked.destinationCountry).chain(approved -> {
            List<Transfer> remaining = approved.stream().filter(other -> !other.id.equals(revoked.id)).toList();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TransferRevocationGuard guard : guards) {
                chain = chain.chain(() -> guard.check(p, revoked, remaining));
            }
            return chain;
        });
    }

    /** 3.4.f: visibility first (by id), then the row lock that serialises the partner's 3.3.b/3.3.c writes. */
    private Uni<Partner> lockPartner(UUID partnerId) {
        caller.requireVisible(caller.maySeePartner(partnerId), "partner");
        return partners.findById(partnerId, LockModeType.PESSIMISTIC_WRITE)
                .invoke(p -> caller.requireVisible(p != null, "partner"));
    }

    private Uni<Void> record(Transfer t, String action, String details) {
        return audit.record(caller.auditActor(), action, "transfer", t.id.toString(), details).replaceWithVoid();
    }

    private static void requireOpen(Partner p) {
        if (p.status == PartnerStatus.TERMINATED) {
            throw ProblemException.conflict("the partner is TERMINATED; no transfers can be added or approved");
        }
    }

    /** Vocabulary ids only; errors name each offending field. Returns the categories deduplicated. */
    private static List<String> validated(TransferRequest request) {
        Vocabulary vocabulary = Vocabulary.get();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!Vocabulary.isCountryCode(request.destinationCountry())) {
            errors.add(new Problem.FieldError("destinationCountry", "is not an assigned ISO 3166-1 alpha-2 code"));
        }
        for (int i = 0; i < request.categories().size(); i++) {
            if (!vocabulary.isCategory(request.categories().get(i))) {
                errors.add(new Problem.FieldError("categories[" + i + "]", "is not a data category of the vocabulary"));
            }
        }
        if (!vocabulary.isTransferMechanism(request.legalMechanism())) {
            errors.add(new Problem.FieldError("legalMechanism", "is not a transfer mechanism of the vocabulary"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("the transfer names unknown countries, categories or mechanisms", errors);
        }
        return new ArrayList<>(new LinkedHashSet<>(request.categories()));
    }
}

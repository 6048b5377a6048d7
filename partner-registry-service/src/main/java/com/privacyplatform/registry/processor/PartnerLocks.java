package com.privacyplatform.registry.processor;

import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.partner.PartnerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/**
 * Loads the partner for a processor write with its row locked (SELECT ... FOR UPDATE). Processor
 * writes, transfer revocations and the scope-narrowing guard all take this lock first, so a
 * rule checked against the scope or the transfers cannot be undone by a concurrent change.
 */
@ApplicationScoped
public class PartnerLocks {

    private final PartnerRepository partners;
    private final Caller caller;

    public PartnerLocks(PartnerRepository partners, Caller caller) {
        this.partners = partners;
        this.caller = caller;
    }

    /** 3.4.f: another tenant's partner is 404; checked by id before anything is locked. */
    public Uni<Partner> lockVisible(UUID partnerId) {
        caller.requireVisible(caller.maySeePartner(partnerId), "partner");
        return lock(partnerId).invoke(p -> caller.requireVisible(p != null, "partner"));
    }

    /** For rules running inside another feature's transaction (no caller check). */
    public Uni<Partner> lock(UUID partnerId) {
        return partners.findById(partnerId, LockModeType.PESSIMISTIC_WRITE);
    }

    static void requireOpen(Partner p) {
        if (p.status == PartnerStatus.TERMINATED) {
            throw ProblemException.conflict("the partner is TERMINATED; its processors can no longer be added,"
                    + " changed or approved");
        }
    }
}

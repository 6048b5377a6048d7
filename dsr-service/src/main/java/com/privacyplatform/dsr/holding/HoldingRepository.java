package com.privacyplatform.dsr.holding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Queries of the consent projection: who obtained whose data through the platform. */
@ApplicationScoped
public class HoldingRepository implements PanacheRepositoryBase<ConsentHolding, UUID> {

    /** Every consent the subject ever gave (active or ended), in a stable order. */
    public Uni<List<ConsentHolding>> ofSubject(String subjectId) {
        return list("subjectId = ?1 order by partnerId, consentId", subjectId);
    }

    /** Every consent a partner ever obtained, grouped by subject. */
    public Uni<List<ConsentHolding>> ofPartner(UUID partnerId) {
        return list("partnerId = ?1 order by subjectId, consentId", partnerId);
    }

    /**
     * The partner's holdings of the subjects after {@code after} up to {@code last} (a mass order's chunk),
     * detached from the session: plain values the chunk plans with, which its flushes need neither check
     * for changes nor cascade over (issue 18.1).
     */
    public Uni<List<ConsentHolding>> ofPartnerBetween(UUID partnerId, String after, String last) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("from ConsentHolding where partnerId = ?1"
                + " and subjectId > ?2 and subjectId <= ?3 order by subjectId, consentId", ConsentHolding.class)
                .setParameter(1, partnerId).setParameter(2, after).setParameter(3, last)
                .setReadOnly(true).getResultList().invoke(list -> list.forEach(s::detach)));
    }
}

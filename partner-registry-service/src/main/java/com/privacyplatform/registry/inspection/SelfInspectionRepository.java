package com.privacyplatform.registry.inspection;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SelfInspectionRepository implements PanacheRepositoryBase<SelfInspection, UUID> {

    /** Newest submission first (ids are time-ordered); {@code beforeId} is the last id of the previous page. */
    public Uni<List<SelfInspection>> page(UUID partnerId, UUID beforeId, int max) {
        if (beforeId == null) {
            return find("partnerId", Sort.descending("id"), partnerId).range(0, max - 1).list();
        }
        return find("partnerId = ?1 and id < ?2", Sort.descending("id"), partnerId, beforeId).range(0, max - 1).list();
    }

    public Uni<SelfInspection> findForPartner(UUID partnerId, UUID id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResult();
    }

    public Uni<Boolean> overlaps(UUID partnerId, LocalDate start, LocalDate end) {
        return count("partnerId = ?1 and periodStart <= ?2 and periodEnd >= ?3", partnerId, end, start)
                .map(n -> n > 0);
    }
}

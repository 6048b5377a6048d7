package com.privacyplatform.registry.assessment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    /** Oldest first (ids are time-ordered); {@code afterId} is the last id of the previous page. */
    public Uni<List<Assessment>> page(UUID partnerId, UUID afterId, int max) {
        if (afterId == null) {
            return find("partnerId", Sort.ascending("id"), partnerId).range(0, max - 1).list();
        }
        return find("partnerId = ?1 and id > ?2", Sort.ascending("id"), partnerId, afterId).range(0, max - 1).list();
    }

    public Uni<Assessment> findForPartner(UUID partnerId, UUID id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResult();
    }
}

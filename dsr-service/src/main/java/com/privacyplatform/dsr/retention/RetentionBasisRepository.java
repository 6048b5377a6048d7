package com.privacyplatform.dsr.retention;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RetentionBasisRepository implements PanacheRepositoryBase<RetentionBasis, UUID> {

    public Uni<List<RetentionBasis>> ofPartner(UUID partnerId) {
        return list("partnerId", Sort.by("recordedAt").and("id"), partnerId);
    }

    public Uni<List<RetentionBasis>> page(UUID partnerId, OffsetDateTime after, UUID afterId, int max) {
        if (after == null) {
            return find("partnerId = ?1", Sort.by("recordedAt").and("id"), partnerId).range(0, max - 1).list();
        }
        return find("partnerId = ?1 and (recordedAt > ?2 or (recordedAt = ?2 and id > ?3))",
                Sort.by("recordedAt").and("id"), partnerId, after, afterId).range(0, max - 1).list();
    }
}

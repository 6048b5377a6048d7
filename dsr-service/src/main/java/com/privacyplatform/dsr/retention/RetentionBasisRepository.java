package com.privacyplatform.dsr.retention;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
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

    /**
     * The partner's bases that can concern the subjects after {@code after} up to {@code last}: theirs,
     * and those of whole categories (no subject named).
     */
    public Uni<List<RetentionBasis>> ofPartnerFor(UUID partnerId, String after, String last) {
        return list("partnerId = ?1 and (subjectId is null or (subjectId > ?2 and subjectId <= ?3))",
                Sort.by("recordedAt").and("id"), partnerId, after, last);
    }

    /**
     * Oldest first, after the cursor; {@code partnerId} and {@code status} narrow it when given.
     */
    public Uni<List<RetentionBasis>> page(UUID partnerId, RetentionStatus status, OffsetDateTime after, UUID afterId,
            int max) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (partnerId != null) {
            q.append(" and partnerId = :partner");
            params.and("partner", partnerId);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (after != null) {
            q.append(" and (recordedAt > :after or (recordedAt = :after and id > :afterId))");
            params.and("after", after).and("afterId", afterId);
        }
        return find(q.toString(), Sort.by("recordedAt").and("id"), params).range(0, max - 1).list();
    }
}

package com.privacyplatform.registry.partner;

import com.privacyplatform.api.events.PartnerStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    /** Keyset page in (createdAt, id) order; {@code after} is the last row of the previous page or null. */
    public Uni<List<Partner>> page(PartnerFilter filter, OffsetDateTime afterCreated, UUID afterId, int max) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (afterCreated != null) {
            q.append(" and (createdAt > :afterCreated or (createdAt = :afterCreated and id > :afterId))");
            params.and("afterCreated", afterCreated).and("afterId", afterId);
        }
        if (filter.status() != null) {
            q.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.jurisdiction() != null) {
            q.append(" and jurisdiction = :jurisdiction");
            params.and("jurisdiction", filter.jurisdiction());
        }
        if (filter.nameContains() != null) {
            q.append(" and lower(legalName) like :name");
            params.and("name", "%" + filter.nameContains().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return find(q.toString(), Sort.by("createdAt").and("id"), params).range(0, max - 1).list();
    }

    public Uni<List<PartnerStatusChange>> history(UUID partnerId) {
        return PartnerStatusChange.list("partnerId = ?1 order by changedAt, id", partnerId);
    }

    public record PartnerFilter(PartnerStatus status, String jurisdiction, String nameContains) {
    }
}

package com.privacyplatform.breach.emergency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EmergencyOrderRepository implements PanacheRepositoryBase<EmergencyOrder, UUID> {

    /** Keyset page in id order; {@code active} null lists all, true only ACTIVE, false only ended orders. */
    public Uni<List<EmergencyOrder>> page(UUID partnerId, Boolean active, UUID afterId, int max) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (afterId != null) {
            q.append(" and id > :afterId");
            params.and("afterId", afterId);
        }
        if (partnerId != null) {
            q.append(" and partnerId = :partnerId");
            params.and("partnerId", partnerId);
        }
        if (active != null) {
            q.append(active ? " and state = :active" : " and state <> :active");
            params.and("active", EmergencyOrderState.ACTIVE);
        }
        return find(q + " order by id", params).range(0, max - 1).list();
    }

    public Uni<Boolean> hasActive(UUID partnerId, EmergencyOrderKind kind) {
        return count("partnerId = ?1 and kind = ?2 and state = ?3", partnerId, kind, EmergencyOrderState.ACTIVE)
                .map(n -> n > 0);
    }

    public Uni<List<EmergencyOrder>> expiredButActive(OffsetDateTime now, int max) {
        return find("state = ?1 and expiresAt <= ?2 order by expiresAt, id", EmergencyOrderState.ACTIVE, now)
                .range(0, max - 1).list();
    }

    /** Ends an ACTIVE order as EXPIRED; true when this transaction did it (once-only under concurrent scans). */
    public Uni<Boolean> claimExpiry(UUID id, OffsetDateTime now, String actor) {
        return Panache.getSession().chain(session -> session.createMutationQuery("update EmergencyOrder set state = :expired,"
                        + " endedAt = :now, endedBy = :actor, endReason = 'expired', version = version + 1"
                        + " where id = :id and state = :active")
                .setParameter("expired", EmergencyOrderState.EXPIRED).setParameter("now", now)
                .setParameter("actor", actor).setParameter("id", id).setParameter("active", EmergencyOrderState.ACTIVE)
                .executeUpdate())
                .map(rows -> rows == 1);
    }
}

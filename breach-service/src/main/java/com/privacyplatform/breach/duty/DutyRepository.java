package com.privacyplatform.breach.duty;

import com.privacyplatform.breach.incident.IncidentViews.DutySummary;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DutyRepository implements PanacheRepositoryBase<NotificationDuty, UUID> {

    public Uni<List<NotificationDuty>> forIncident(UUID incidentId) {
        return list("incidentId = ?1 order by dueAt, ruleId", incidentId);
    }

    public Uni<NotificationDuty> find(UUID incidentId, UUID dutyId) {
        return find("id = ?1 and incidentId = ?2", dutyId, incidentId).firstResult();
    }

    /** Pending / overdue counts and the next due time, per incident, in one query. */
    public Uni<Map<UUID, DutySummary>> summaries(List<UUID> incidentIds, OffsetDateTime now) {
        if (incidentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createQuery("select d.incidentId, count(d),"
                        + " sum(case when d.dueAt < :now then 1 else 0 end), min(d.dueAt) from NotificationDuty d"
                        + " where d.state = :pending and d.incidentId in :ids group by d.incidentId", Object[].class)
                .setParameter("now", now).setParameter("pending", DutyState.PENDING).setParameter("ids", incidentIds)
                .getResultList())
                .map(rows -> {
                    Map<UUID, DutySummary> out = new HashMap<>();
                    for (Object[] row : rows) {
                        out.put((UUID) row[0], new DutySummary(((Number) row[1]).longValue(),
                                ((Number) row[2]).longValue(), ((OffsetDateTime) row[3]).toInstant()));
                    }
                    return out;
                });
    }

    /** Pending duties inside their warning window that were not announced yet (oldest warning first). */
    public Uni<List<NotificationDuty>> dueWithoutNotice(OffsetDateTime now, int max) {
        return find("state = ?1 and dueNotifiedAt is null and lapsedNotifiedAt is null and warnAt <= ?2"
                + " and dueAt > ?2 order by warnAt, id", DutyState.PENDING, now).range(0, max - 1).list();
    }

    /** Pending duties past their due time whose lapse was not announced yet. */
    public Uni<List<NotificationDuty>> lapsedWithoutNotice(OffsetDateTime now, int max) {
        return find("state = ?1 and lapsedNotifiedAt is null and dueAt <= ?2 order by dueAt, id",
                DutyState.PENDING, now).range(0, max - 1).list();
    }

    /**
     * The once-only mark of an escalation: true when this transaction set it. A concurrent scan
     * blocks on the row, then updates nothing. A lapse also marks the "due" notice as spent.
     */
    public Uni<Boolean> claimNotice(UUID dutyId, boolean lapsed, OffsetDateTime now) {
        String hql = lapsed
                ? "update NotificationDuty set lapsedNotifiedAt = :now, dueNotifiedAt = coalesce(dueNotifiedAt, :now)"
                        + " where id = :id and lapsedNotifiedAt is null and state = :pending"
                : "update NotificationDuty set dueNotifiedAt = :now where id = :id and dueNotifiedAt is null"
                        + " and lapsedNotifiedAt is null and state = :pending";
        return Panache.getSession().chain(session -> session.createMutationQuery(hql)
                .setParameter("now", now).setParameter("id", dutyId).setParameter("pending", DutyState.PENDING)
                .executeUpdate())
                .map(rows -> rows == 1);
    }
}

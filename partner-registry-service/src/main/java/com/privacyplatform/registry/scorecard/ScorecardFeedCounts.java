package com.privacyplatform.registry.scorecard;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The fed counters per partner: open incidents, late reports, overdue request tasks still open. */
@ApplicationScoped
public class ScorecardFeedCounts {

    public record Counts(long openBreaches, long lateBreachReports, long overdueRequests) {
        static final Counts NONE = new Counts(0, 0, 0);
    }

    /** @param partnerId one partner, or null for all */
    @SuppressWarnings("unchecked")
    public Uni<Map<UUID, Counts>> of(UUID partnerId) {
        String filter = partnerId == null ? "" : " WHERE partner_id = :partner";
        String sql = "SELECT partner_id, sum(b)::bigint, sum(l)::bigint, sum(o)::bigint FROM ("
                + " SELECT partner_id, CASE WHEN open THEN 1 ELSE 0 END AS b, CASE WHEN late_report THEN 1 ELSE 0 END AS l,"
                + " 0 AS o FROM scorecard_incident" + filter
                + " UNION ALL SELECT partner_id, 0, 0, CASE WHEN open THEN 1 ELSE 0 END FROM scorecard_overdue_task"
                + filter + ") counts GROUP BY partner_id";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            if (partnerId != null) {
                query.setParameter("partner", partnerId);
            }
            return query.getResultList();
        }).map(rows -> {
            Map<UUID, Counts> counts = new HashMap<>();
            for (Object[] row : (List<Object[]>) (List<?>) rows) {
                counts.put((UUID) row[0], new Counts(((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue()));
            }
            return counts;
        });
    }

    static Counts or(Map<UUID, Counts> counts, UUID partnerId) {
        return counts.getOrDefault(partnerId, Counts.NONE);
    }
}

package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.assessment.Severity;
import com.privacyplatform.breach.duty.DutyState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    /** Filters of the incident list; null fields do not filter. */
    public record IncidentFilter(IncidentState state, Severity severity, UUID partnerId, boolean overdueDuty) {
    }

    /** Keyset page in id order (UUID v7: report order); {@code afterId} is the last id of the previous page. */
    public Uni<List<Incident>> page(IncidentFilter filter, OffsetDateTime now, UUID afterId, int max) {
        StringBuilder q = new StringBuilder("from Incident i where 1 = 1");
        Parameters params = new Parameters();
        if (afterId != null) {
            q.append(" and i.id > :afterId");
            params.and("afterId", afterId);
        }
        if (filter.state() != null) {
            q.append(" and i.state = :state");
            params.and("state", filter.state());
        }
        if (filter.severity() != null) {
            q.append(" and i.severity = :severity");
            params.and("severity", filter.severity());
        }
        if (filter.partnerId() != null) {
            q.append(" and i.partnerId = :partnerId");
            params.and("partnerId", filter.partnerId());
        }
        if (filter.overdueDuty()) {
            q.append(" and exists (select 1 from NotificationDuty d where d.incidentId = i.id"
                    + " and d.state = :pending and d.dueAt < :now)");
            params.and("pending", DutyState.PENDING).and("now", now);
        }
        q.append(" order by i.id");
        return find(q.toString(), params).range(0, max - 1).list();
    }
}

package com.privacyplatform.registry.inspection;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.registry.config.RegistryConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 3.4.e due dates, computed in the database so that overdue partners can be filtered and paged
 * there: the latest reported period end, else the first activation (PENDING -> ACTIVE), else the
 * onboarding time, plus {@code registry.inspection.interval-months}. Dates are UTC calendar days.
 */
@ApplicationScoped
@Enforces(value = "3.4.e", note = "next self-inspection due intervalMonths after the last period end or activation")
public class InspectionDueQueries {

    private static final String DUE = """
            WITH due AS (
              SELECT p.id, p.legal_name, p.status, last.period_end AS last_end,
                     (COALESCE(last.period_end, (COALESCE(act.first_at, p.created_at) AT TIME ZONE 'UTC')::date)
                       + make_interval(0, CAST(:months AS integer)))::date AS due_on
              FROM partner p
              LEFT JOIN LATERAL (SELECT max(i.period_end) AS period_end FROM self_inspection i
                                 WHERE i.partner_id = p.id) last ON true
              LEFT JOIN LATERAL (SELECT min(c.changed_at) AS first_at FROM partner_status_change c
                                 WHERE c.partner_id = p.id AND c.from_status = 'PENDING'
                                   AND c.to_status = 'ACTIVE') act ON true
            )
            SELECT id::text, legal_name, status, last_end::text, due_on::text FROM due
            """;
    private static final String OVERDUE = " WHERE status IN ('ACTIVE', 'SUSPENDED') AND due_on < CAST(:today AS date)";

    private final RegistryConfig config;

    public InspectionDueQueries(RegistryConfig config) {
        this.config = config;
    }

    public int intervalMonths() {
        return config.inspection().intervalMonths();
    }

    /**
     * One plain SQL statement counting the partners overdue on the day {@code $1} (the platform clock's
     * today, UTC) - the same rule as {@link #overdue} - for the operators' gauge, which reads it on an
     * interval outside any session.
     */
    public String overdueCountSql() {
        return "SELECT count(*) FROM (" + DUE.replace(":months", Integer.toString(intervalMonths()))
                + OVERDUE.replace(":today", "$1") + ") overdue";
    }

    /** One partner's due date. */
    public Uni<InspectionDue> of(UUID partnerId) {
        return query(DUE + " WHERE id = CAST(:partnerId AS uuid)", Map.of("partnerId", partnerId), 1)
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Due dates of every partner that is not TERMINATED, for the scorecards. */
    public Uni<List<InspectionDue>> ofOpenPartners() {
        return query(DUE + " WHERE status <> 'TERMINATED' ORDER BY id", Map.of(), Integer.MAX_VALUE);
    }

    /** Overdue partners in (dueOn, partnerId) order, after the given key (both null: from the start). */
    public Uni<List<InspectionDue>> overdue(LocalDate today, LocalDate afterDue, UUID afterId, int max) {
        String after = afterDue == null ? ""
                : " AND (due_on, id) > (CAST(:afterDue AS date), CAST(:afterId AS uuid))";
        Map<String, Object> params = afterDue == null ? Map.of("today", today)
                : Map.of("today", today, "afterDue", afterDue, "afterId", afterId);
        return query(DUE + OVERDUE + after + " ORDER BY due_on, id", params, max);
    }

    /** Overdue partners whose notice for this due date was not emitted yet (the overdue scan). */
    public Uni<List<InspectionDue>> overdueWithoutNotice(LocalDate today, int max) {
        return query(DUE + OVERDUE + " AND NOT EXISTS (SELECT 1 FROM overdue_notice n WHERE n.kind = '"
                + InspectionOverdueScanner.KIND + "' AND n.target_id = due.id AND n.due_on = due.due_on)"
                + " ORDER BY due_on, id", Map.of("today", today), max);
    }

    private Uni<List<InspectionDue>> query(String sql, Map<String, Object> params, int max) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class)
                    .setParameter("months", intervalMonths());
            params.forEach(query::setParameter);
            if (max != Integer.MAX_VALUE) {
                query.setMaxResults(max);
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(InspectionDueQueries::toDue).toList());
    }

    private static InspectionDue toDue(Object[] row) {
        return new InspectionDue(UUID.fromString((String) row[0]), (String) row[1],
                PartnerStatus.valueOf((String) row[2]), row[3] == null ? null : LocalDate.parse((String) row[3]),
                LocalDate.parse((String) row[4]));
    }
}

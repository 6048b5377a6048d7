package com.privacyplatform.registry.assessment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FindingRepository implements PanacheRepositoryBase<AuditFinding, UUID> {

    static final List<FindingStatus> AWAITING_PARTNER = List.of(FindingStatus.OPEN, FindingStatus.REOPENED);

    private static final String OVERDUE = "f.status in (:awaiting) and f.rectificationDue < :today";
    private static final String TALLY = "select f.partnerId,"
            + " sum(case when f.status <> :verified then 1 else 0 end),"
            + " sum(case when " + OVERDUE + " and f.severity = :critical then 1 else 0 end),"
            + " sum(case when " + OVERDUE + " and f.severity <> :critical"
            + " and (f.severity = :high or f.material = true) then 1 else 0 end),"
            + " sum(case when " + OVERDUE + " and f.severity in (:minor) and f.material = false then 1 else 0 end),"
            + " sum(case when " + OVERDUE + " and f.material = true then 1 else 0 end)"
            + " from AuditFinding f";

    public Uni<List<AuditFinding>> forAssessments(List<UUID> assessmentIds) {
        if (assessmentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("assessmentId in ?1", Sort.ascending("id"), assessmentIds);
    }

    public Uni<AuditFinding> findForAudit(UUID assessmentId, UUID id) {
        return find("id = ?1 and assessmentId = ?2", id, assessmentId).firstResult();
    }

    public Uni<Long> countAwaitingPartner(UUID assessmentId) {
        return count("assessmentId = ?1 and status in ?2", assessmentId, AWAITING_PARTNER);
    }

    public Uni<Long> countMaterial(UUID assessmentId) {
        return count("assessmentId = ?1 and material = true", assessmentId);
    }

    /** Overdue findings of partners that are not TERMINATED, whose notice was not emitted yet. */
    public Uni<List<AuditFinding>> overdueWithoutNotice(LocalDate today, int max) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT f.* FROM assessment_finding f JOIN partner p ON p.id = f.partner_id
                        WHERE f.status IN ('OPEN', 'REOPENED') AND f.rectification_due < CAST(:today AS date)
                          AND p.status <> 'TERMINATED'
                          AND NOT EXISTS (SELECT 1 FROM overdue_notice n WHERE n.kind = :kind
                                          AND n.target_id = f.id AND n.due_on = f.rectification_due)
                        ORDER BY f.rectification_due, f.id""", AuditFinding.class)
                .setParameter("today", today)
                .setParameter("kind", FindingOverdueScanner.KIND)
                .setMaxResults(max)
                .getResultList());
    }

    /** Per-partner tallies; {@code partnerId} null for every partner with findings. */
    public Uni<List<FindingTally>> tally(UUID partnerId, LocalDate today) {
        String hql = TALLY + (partnerId == null ? "" : " where f.partnerId = :partnerId") + " group by f.partnerId";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Object[].class)
                    .setParameter("verified", FindingStatus.VERIFIED)
                    .setParameter("awaiting", AWAITING_PARTNER)
                    .setParameter("today", today)
                    .setParameter("critical", FindingSeverity.CRITICAL)
                    .setParameter("high", FindingSeverity.HIGH)
                    .setParameter("minor", List.of(FindingSeverity.LOW, FindingSeverity.MEDIUM));
            if (partnerId != null) {
                query.setParameter("partnerId", partnerId);
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(FindingRepository::toTally).toList());
    }

    private static FindingTally toTally(Object[] row) {
        return new FindingTally((UUID) row[0], count(row[1]), count(row[2]), count(row[3]), count(row[4]),
                count(row[5]));
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}

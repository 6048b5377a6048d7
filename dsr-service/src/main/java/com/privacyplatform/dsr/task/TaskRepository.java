package com.privacyplatform.dsr.task;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<DsrTask, UUID> {

    public Uni<List<DsrTask>> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by partnerId, kind, recipientName, id", requestId);
    }

    /** A partner's work queue in (dueOn, id) order, after the given key. */
    public Uni<List<DsrTask>> queue(UUID partnerId, TaskFilter filter, LocalDate afterDue, UUID afterId, int max) {
        StringBuilder q = new StringBuilder("partnerId = :partner");
        Parameters params = Parameters.with("partner", partnerId);
        if (afterDue != null) {
            q.append(" and (dueOn > :afterDue or (dueOn = :afterDue and id > :afterId))");
            params.and("afterDue", afterDue).and("afterId", afterId);
        }
        if (filter.status() != null) {
            q.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.type() != null) {
            q.append(" and type = :type");
            params.and("type", filter.type());
        }
        if (filter.requestId() != null) {
            q.append(" and requestId = :requestId");
            params.and("requestId", filter.requestId());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            q.append(" and status in :unresolved and dueAt < :now");
            params.and("unresolved", List.of(TaskStatus.OPEN, TaskStatus.CLAIMED))
                    .and("now", filter.now().truncatedTo(ChronoUnit.SECONDS));
        }
        return find(q.toString(), Sort.by("dueOn").and("id"), params).range(0, max - 1).list();
    }

    /** The officer's review queue: rejections in review, oldest first, after the given key; one partner's if named. */
    public Uni<List<DsrTask>> inReview(UUID partnerId, OffsetDateTime after, UUID afterId, int max) {
        StringBuilder q = new StringBuilder("status = :status");
        Parameters params = Parameters.with("status", TaskStatus.REJECTION_IN_REVIEW);
        if (partnerId != null) {
            q.append(" and partnerId = :partner");
            params.and("partner", partnerId);
        }
        if (after != null) {
            q.append(" and (rejectionRequestedAt > :after or (rejectionRequestedAt = :after and id > :afterId))");
            params.and("after", after).and("afterId", afterId);
        }
        return find(q.toString(), Sort.by("rejectionRequestedAt").and("id"), params).range(0, max - 1).list();
    }

    /** @param now overdue: unresolved after the deadline's last instant, as of now */
    public record TaskFilter(TaskStatus status, com.privacyplatform.dsr.request.RequestType type, UUID requestId,
            Boolean overdue, OffsetDateTime now) {
    }
}

package com.privacyplatform.dsr.overdue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Dedupe marks of {@code dsr.overdue} (table {@code overdue_notice}): whoever inserts the row for
 * (kind, target, due date) first emits the event in the same transaction; a concurrent claimant
 * waits for that transaction and then finds the row. A rollback removes row and event together.
 */
@ApplicationScoped
public class OverdueNotices {

    public static final String REQUEST = "request";
    public static final String TASK = "task";

    public Uni<Boolean> claim(String kind, UUID targetId, LocalDate dueOn, UUID requestId, UUID partnerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        INSERT INTO overdue_notice (kind, target_id, due_on, request_id, partner_id, emitted_at)
                        VALUES (:kind, :target, CAST(:dueOn AS date), :request, :partner, now())
                        ON CONFLICT DO NOTHING""")
                .setParameter("kind", kind).setParameter("target", targetId).setParameter("dueOn", dueOn)
                .setParameter("request", requestId).setParameter("partner", partnerId)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<Void> attach(String kind, UUID targetId, LocalDate dueOn, UUID eventId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        UPDATE overdue_notice SET event_id = :event
                        WHERE kind = :kind AND target_id = :target AND due_on = CAST(:dueOn AS date)""")
                .setParameter("event", eventId).setParameter("kind", kind).setParameter("target", targetId)
                .setParameter("dueOn", dueOn)
                .executeUpdate()).replaceWithVoid();
    }
}

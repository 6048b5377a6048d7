package com.privacyplatform.commons.overdue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The dedupe marks of a service's overdue events, in its own table {@code overdue_notice}
 * ({@code kind, target_id, due_on, partner_id, event_id, emitted_at}, primary key
 * {@code (kind, target_id, due_on)}): whoever inserts the row for (kind, target, due date) first
 * emits the event, in the same transaction. A concurrent claimant waits for that transaction and
 * then finds the row, so an event is never emitted twice; when the transaction rolls back, row and
 * event vanish together and a later scan emits again.
 */
@ApplicationScoped
public class OverdueNotices {

    /** Call inside a transaction; true when this transaction owns the notice and must emit it. */
    public Uni<Boolean> claim(String kind, UUID targetId, LocalDate dueOn, UUID partnerId, OffsetDateTime at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO overdue_notice (kind, target_id, due_on, partner_id, emitted_at)
                        VALUES (:kind, :target, CAST(:dueOn AS date), :partner, :at)
                        ON CONFLICT DO NOTHING""")
                .setParameter("kind", kind).setParameter("target", targetId).setParameter("dueOn", dueOn)
                .setParameter("partner", partnerId).setParameter("at", at)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** Records which outbox event carried the notice, for tracing. */
    public Uni<Void> attach(String kind, UUID targetId, LocalDate dueOn, UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        UPDATE overdue_notice SET event_id = :event
                        WHERE kind = :kind AND target_id = :target AND due_on = CAST(:dueOn AS date)""")
                .setParameter("event", eventId).setParameter("kind", kind).setParameter("target", targetId)
                .setParameter("dueOn", dueOn)
                .executeUpdate())
                .replaceWithVoid();
    }
}

package com.privacyplatform.dsr.order;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.events.DsrEvents;
import com.privacyplatform.dsr.workflow.Actors;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * 3.5.d: the deletion work of a partner's termination is complete when every request the
 * termination ordered has completed (each task completed, rejected with a legal basis, or exempt).
 * Then, once, {@code dsr.termination-deletion-completed}: the registry records it on the partner,
 * the gateway closes the partner's duty routes, and the partner's client can be disabled.
 * <p>
 * Checked whenever a termination request completes and at the end of the fan-out (a partner that
 * held nothing is done at once). The termination's {@code deletion_order} row is locked first, so
 * of two requests completing at the same time the second sees the first's commit: never both
 * miss the end, never both announce it.
 */
@ApplicationScoped
public class TerminationWork {

    private static final String OPEN_REQUESTS = "SELECT count(*) FROM dsr_request WHERE origin = 'TERMINATION'"
            + " AND origin_ref = :partner AND status IN ('OPEN', 'AWAITING_SUBJECT_CONFIRMATION', 'LINKED')";
    private static final String TASKS = "SELECT t.status, count(*) FROM dsr_task t JOIN dsr_request r"
            + " ON r.id = t.request_id WHERE r.origin = 'TERMINATION' AND r.origin_ref = :partner GROUP BY t.status";

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;

    public TerminationWork(Outbox outbox, AuditTrail audit, PlatformClock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Call inside a transaction, after a termination request completed or the fan-out ended. */
    @Enforces(value = "3.5.d", note = "the end of a termination's deletion work is announced once")
    public Uni<Boolean> completeIfDone(UUID partnerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT requests FROM deletion_order"
                        + " WHERE kind = 'TERMINATION' AND ref = :partner AND partner_id = :partner AND fanned_out"
                        + " AND completed_at IS NULL FOR UPDATE")
                .setParameter("partner", partnerId).getResultList()
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(false) : s.flush()
                        .chain(() -> s.createNativeQuery(OPEN_REQUESTS).setParameter("partner", partnerId)
                                .getSingleResult())
                        .chain(open -> ((Number) open).longValue() > 0 ? Uni.createFrom().item(false)
                                : complete(s, partnerId, ((Number) rows.get(0)).intValue()).replaceWith(true))));
    }

    private Uni<Void> complete(Mutiny.Session s, UUID partnerId, int requests) {
        OffsetDateTime now = clock.now();
        return s.createNativeQuery("UPDATE deletion_order SET completed_at = :now WHERE kind = 'TERMINATION'"
                        + " AND ref = :partner AND partner_id = :partner")
                .setParameter("now", now).setParameter("partner", partnerId).executeUpdate()
                .chain(() -> s.createNativeQuery(TASKS, Object[].class).setParameter("partner", partnerId)
                        .getResultList())
                .chain(rows -> {
                    DsrEvents.TerminationDeletionCompleted event = new DsrEvents.TerminationDeletionCompleted(
                            partnerId, requests, count(rows, "COMPLETED"), count(rows, "REJECTED"),
                            count(rows, "EXEMPT"), now.toInstant());
                    String detail = "{\"requests\":" + requests + ",\"tasksCompleted\":" + event.tasksCompleted()
                            + ",\"tasksRejected\":" + event.tasksRejected() + ",\"tasksExempt\":"
                            + event.tasksExempt() + "}";
                    return outbox.publish(DsrEvents.TERMINATION_DELETION_COMPLETED, partnerId.toString(), event)
                            .call(() -> audit.record(Actors.SYSTEM, "termination.deletion-completed", "partner",
                                    partnerId.toString(), detail));
                })
                .replaceWithVoid();
    }

    private static int count(List<Object[]> rows, String status) {
        return rows.stream().filter(r -> status.equals(r[0])).mapToInt(r -> ((Number) r[1]).intValue()).sum();
    }
}

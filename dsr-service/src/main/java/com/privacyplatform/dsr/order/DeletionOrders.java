package com.privacyplatform.dsr.order;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The mass deletions the platform ordered (table {@code deletion_order}): whoever inserts the row for
 * (kind, ref, partner) first fans the order out, in the same transaction; a repeated order (another
 * event id for the same termination or incident) finds the row and does nothing.
 */
@ApplicationScoped
public class DeletionOrders {

    public static final String TERMINATION = "TERMINATION";
    public static final String BREACH = "BREACH";

    /** Call inside a transaction; true when this transaction owns the order and must fan it out. */
    public Uni<Boolean> claim(String kind, UUID ref, UUID partnerId, List<String> categories, String reason,
            UUID eventId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO deletion_order (kind, ref, partner_id,"
                        + " categories, reason, event_id, ordered_at) VALUES (:kind, :ref, :partner,"
                        + " string_to_array(:categories, ','), :reason, :event, now()) ON CONFLICT DO NOTHING")
                .setParameter("kind", kind).setParameter("ref", ref).setParameter("partner", partnerId)
                .setParameter("categories", String.join(",", categories)).setParameter("reason", reason)
                .setParameter("event", eventId)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<Void> recordRequests(String kind, UUID ref, UUID partnerId, int requests) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE deletion_order SET requests = :n,"
                        + " fanned_out = true WHERE kind = :kind AND ref = :ref AND partner_id = :partner")
                .setParameter("n", requests).setParameter("kind", kind).setParameter("ref", ref)
                .setParameter("partner", partnerId)
                .executeUpdate()).replaceWithVoid();
    }

    /** Partners whose termination was processed: their data is being deleted by termination requests. */
    public Uni<Set<UUID>> terminatedPartners() {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT partner_id FROM deletion_order"
                        + " WHERE kind = 'TERMINATION'").getResultList())
                .map(rows -> {
                    Set<UUID> ids = new HashSet<>();
                    rows.forEach(o -> ids.add(UUID.fromString(o.toString())));
                    return ids;
                });
    }

    public Uni<Boolean> isTerminated(UUID partnerId) {
        return terminatedPartners().map(ids -> ids.contains(partnerId));
    }
}

package com.privacyplatform.commons.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The consumer side of exactly-once effects: claiming an event id inserts it into the inbox in
 * the handler's own transaction. A redelivered event finds its id there and is skipped; a
 * handler that fails rolls the claim back, so the redelivery is processed.
 */
@ApplicationScoped
public class Inbox {

    /** @return true when this consumer sees the event for the first time; call inside a transaction */
    public Uni<Boolean> claim(String consumer, UUID eventId, String eventType) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO platform_inbox (consumer, event_id, event_type) VALUES (:consumer, :eventId, :type)"
                                + " ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .setParameter("type", eventType)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}

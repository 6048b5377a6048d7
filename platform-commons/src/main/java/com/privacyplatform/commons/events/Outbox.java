package com.privacyplatform.commons.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.ids.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Publishes domain events the only way the platform allows: as a row in the caller's current
 * reactive transaction (DESIGN.md "Events"). The event exists exactly when the business change
 * commits; {@link OutboxRelay} delivers it afterwards. Call it inside {@code @WithTransaction}.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final EventsConfig config;

    public Outbox(ObjectMapper mapper, EventsConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * @param type    CloudEvents type, {@code <aggregate>.<past-tense>} such as {@code partner.terminated}
     * @param subject the aggregate id (CloudEvents {@code subject}); per-subject order is kept
     * @param data    the event's record; ids and facts only, never personal values
     * @return the event id
     */
    public Uni<UUID> publish(String type, String subject, Object data) {
        OutboxEvent row = new OutboxEvent();
        row.id = Ids.newId();
        row.type = type;
        row.source = config.source();
        row.subject = subject;
        row.occurredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        row.payload = toJson(data);
        return Panache.getSession()
                .chain(session -> session.persist(row).chain(session::flush))
                .replaceWith(row.id);
    }

    private String toJson(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable: " + data.getClass().getName(), e);
        }
    }
}

package com.privacyplatform.commons.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.db.JointInsert;
import com.privacyplatform.commons.db.MultiRowInsert;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Publishes domain events the only way the platform allows: as a row in the caller's current
 * reactive transaction (DESIGN.md "Events"). The event exists exactly when the business change
 * commits; {@link OutboxRelay} delivers it afterwards. Call it inside {@code @WithTransaction}. The row
 * keeps the current trace context ({@link EventTracing}), so the event's delivery and its consumers'
 * effects belong to the writing request's trace.
 */
@ApplicationScoped
public class Outbox {

    private static final MultiRowInsert<OutboxEvent> ROWS = new MultiRowInsert<OutboxEvent>("platform_outbox")
            .column("id", "uuid", e -> e.id).column("type", "text", e -> e.type)
            .column("source", "text", e -> e.source).column("subject", "text", e -> e.subject)
            .column("occurred_at", "timestamptz", e -> e.occurredAt).column("payload", "jsonb", e -> e.payload)
            .column("traceparent", "text", e -> e.traceparent);

    /** The payload travels as text and is cast in SQL: the driver would write a string as a JSON string. */
    private static final String PART_VALUES = "(id, type, source, subject, occurred_at, payload, traceparent)"
            + " VALUES (?, ?, ?, ?, ?, CAST(CAST(? AS text) AS jsonb), ?)";

    private final ObjectMapper mapper;
    private final EventsConfig config;
    private final PlatformClock clock;

    public Outbox(ObjectMapper mapper, EventsConfig config, PlatformClock clock) {
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param type    CloudEvents type, {@code <aggregate>.<past-tense>} such as {@code partner.terminated}
     * @param subject the aggregate id (CloudEvents {@code subject}); per-subject order is kept
     * @param data    the event's record; ids and facts only, never personal values
     * @return the event id
     */
    public Uni<UUID> publish(String type, String subject, Object data) {
        OutboxEvent row = row(new Event(type, subject, data), clock.now());
        return Panache.getSession()
                .chain(session -> session.persist(row).chain(session::flush))
                .replaceWith(row.id);
    }

    /**
     * The event as one part of a {@link JointInsert}: the caller writes it in the same statement as
     * the change it announces (e.g. a consent decision with its history entry and audit record). Same
     * contract as {@link #publish}: a v7 id, serialised once, the current trace, committed or rolled
     * back with the caller's change.
     */
    public JointInsert.Part part(String type, String subject, Object data) {
        OutboxEvent row = row(new Event(type, subject, data), clock.now());
        return new JointInsert.Part("platform_outbox", PART_VALUES, row.id, row.type, row.source, row.subject,
                row.occurredAt, row.payload, row.traceparent);
    }

    /**
     * Publishes many events in the caller's current transaction (bulk effects: one event per
     * affected object). Same contract as {@link #publish}: each row gets a v7 id, the rows commit or
     * roll back with the caller's change, the relay sends them in {@code seq} order, which is the
     * list's order. The outbox key is an identity column, which Hibernate cannot batch, so the rows
     * go in multi-row INSERT statements ({@link MultiRowInsert}) (the caller's
     * pending changes are flushed first, as before any native statement).
     *
     * @return the event ids, in the list's order
     */
    public Uni<List<UUID>> publishAll(List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        OffsetDateTime now = clock.now();
        List<OutboxEvent> rows = events.stream().map(e -> row(e, now)).toList(); // serialise all before writing any
        return Panache.getSession()
                .chain(session -> session.flush().chain(() -> ROWS.insert(session, rows)))
                .replaceWith(() -> rows.stream().map(r -> r.id).toList());
    }

    /** One event for {@link #publishAll}: the arguments of {@link #publish}. */
    public record Event(String type, String subject, Object data) {
        public Event {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(data, "data");
        }
    }

    private OutboxEvent row(Event e, OffsetDateTime occurredAt) {
        OutboxEvent row = new OutboxEvent();
        row.id = Ids.newId();
        row.type = e.type();
        row.source = config.source();
        row.subject = e.subject();
        row.occurredAt = occurredAt;
        row.payload = toJson(e.data());
        row.traceparent = EventTracing.currentTraceparent(); // the writing request's trace (docs/tracing.md)
        return row;
    }

    private String toJson(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable: " + data.getClass().getName(), e);
        }
    }
}

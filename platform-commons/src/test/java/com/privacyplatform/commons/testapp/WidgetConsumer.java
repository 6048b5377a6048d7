package com.privacyplatform.commons.testapp;

import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.commons.events.ReceivedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Applies widget events; counts every application so a double application would show. */
@ApplicationScoped
public class WidgetConsumer {

    /**
     * A bug in the handler that a deployment fixes: while set, widgets named "fixable" fail. Tests of
     * the failure path set it, let the message die, clear it ("the fix") and replay.
     */
    public static final AtomicBoolean FIXABLE_BUG = new AtomicBoolean(false);
    /** When each delivery of a "fixable" widget reached the handler, by subject. */
    public static final Map<String, List<Instant>> FIXABLE_ATTEMPTS = new ConcurrentHashMap<>();

    private final EventConsumer consumer;

    public WidgetConsumer(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("widget-events")
    public Uni<Void> onWidgetEvent(Message<byte[]> message) {
        return consumer.consume(message, "commons-test", this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        WidgetEvent data = event.data(WidgetEvent.class);
        if ("poison".equals(data.name())) {
            return Uni.createFrom().failure(new IllegalStateException("handler refuses poison"));
        }
        if ("fixable".equals(data.name())) {
            FIXABLE_ATTEMPTS.computeIfAbsent(event.subject(), s -> new CopyOnWriteArrayList<>()).add(Instant.now());
            if (FIXABLE_BUG.get()) {
                return Uni.createFrom().failure(new IllegalStateException("handler bug, fixed in the next release"));
            }
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO test_effect (event_type, subject, n, applications) VALUES (:type, :subject, :n, 1)"
                                + " ON CONFLICT (event_type, subject, n)"
                                + " DO UPDATE SET applications = test_effect.applications + 1")
                .setParameter("type", event.type())
                .setParameter("subject", event.subject())
                .setParameter("n", data.n())
                .executeUpdate())
                .replaceWithVoid();
    }
}

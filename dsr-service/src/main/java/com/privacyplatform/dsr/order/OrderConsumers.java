package com.privacyplatform.dsr.order;

import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.dsr.events.ConsumedEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** partner.terminated (partner-registry-service) and breach.deletion-ordered (breach-service), through the inbox. */
@ApplicationScoped
public class OrderConsumers {

    private final EventConsumer consumer;
    private final MassDeletions deletions;

    public OrderConsumers(EventConsumer consumer, MassDeletions deletions) {
        this.consumer = consumer;
        this.deletions = deletions;
    }

    @Incoming("partner-events")
    public Uni<Void> onPartnerEvent(Message<byte[]> message) {
        return consumer.consume(message, "dsr-service.partner-events", event ->
                ConsumedEvents.PARTNER_TERMINATED.equals(event.type())
                        ? deletions.terminated(event.data(ConsumedEvents.PartnerTerminated.class), event.id())
                                .replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    @Incoming("breach-orders")
    public Uni<Void> onBreachOrder(Message<byte[]> message) {
        return consumer.consume(message, "dsr-service.breach-orders", event ->
                ConsumedEvents.BREACH_DELETION_ORDERED.equals(event.type())
                        ? deletions.breachOrdered(event.data(ConsumedEvents.BreachDeletionOrdered.class), event.id())
                                .replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }
}

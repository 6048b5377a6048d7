package com.privacyplatform.dsr.order;

import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.dsr.events.ConsumedEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * breach.deletion-ordered (breach-service), through the inbox. partner.terminated arrives with the
 * registry's other events ({@code PartnerEventConsumer}).
 */
@ApplicationScoped
public class OrderConsumers {

    private final EventConsumer consumer;
    private final MassDeletions deletions;

    public OrderConsumers(EventConsumer consumer, MassDeletions deletions) {
        this.consumer = consumer;
        this.deletions = deletions;
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

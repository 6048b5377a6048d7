package com.privacyplatform.dsr.holding;

import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.commons.events.ReceivedEvent;
import com.privacyplatform.dsr.events.ConsumedEvents;
import com.privacyplatform.dsr.events.ConsumedEvents.ConsentEnded;
import com.privacyplatform.dsr.workflow.Actors;
import com.privacyplatform.dsr.workflow.Revocations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the projection of who holds whose data from consent-service's events (no synchronous call
 * to consent-service), and confirms revocations asked for by REVOKE_AUTHORIZATION requests.
 */
@ApplicationScoped
public class ConsentEventConsumer {

    private final EventConsumer consumer;
    private final HoldingProjection projection;
    private final Revocations revocations;

    public ConsentEventConsumer(EventConsumer consumer, HoldingProjection projection, Revocations revocations) {
        this.consumer = consumer;
        this.projection = projection;
        this.revocations = revocations;
    }

    @Incoming("consent-events")
    public Uni<Void> onConsentEvent(Message<byte[]> message) {
        return consumer.consume(message, "dsr-service.consent-events", this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        return switch (event.type()) {
            case ConsumedEvents.CONSENT_GRANTED -> projection.granted(event.data(ConsumedEvents.ConsentGranted.class),
                    event.time()).replaceWithVoid();
            case ConsumedEvents.CONSENT_REVOKED -> ended(event, HoldingStatus.REVOKED);
            case ConsumedEvents.CONSENT_EXPIRED -> ended(event, HoldingStatus.EXPIRED);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> ended(ReceivedEvent event, HoldingStatus how) {
        ConsentEnded data = event.data(ConsentEnded.class);
        return projection.ended(data, how, event.time())
                .chain(h -> revocations.consentEnded(h.consentId, how, Actors.SYSTEM));
    }
}

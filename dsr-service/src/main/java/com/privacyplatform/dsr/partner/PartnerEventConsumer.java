package com.privacyplatform.dsr.partner;

import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.commons.events.ReceivedEvent;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.events.ConsumedEvents;
import com.privacyplatform.dsr.events.ConsumedEvents.PartnerJurisdictionData;
import com.privacyplatform.dsr.order.MassDeletions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * partner-registry-service's events, through the inbox: partner.terminated starts the 3.5.d deletion
 * of everything the partner obtained; partner.activated and partner.scope-changed keep the partner's
 * jurisdiction (the deadline of work on consents that name none).
 */
@ApplicationScoped
public class PartnerEventConsumer {

    private final EventConsumer consumer;
    private final MassDeletions deletions;
    private final PartnerJurisdictions jurisdictions;
    private final PlatformClock clock;

    public PartnerEventConsumer(EventConsumer consumer, MassDeletions deletions, PartnerJurisdictions jurisdictions,
            PlatformClock clock) {
        this.consumer = consumer;
        this.deletions = deletions;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Incoming("partner-events")
    public Uni<Void> onPartnerEvent(Message<byte[]> message) {
        return consumer.consume(message, "dsr-service.partner-events", this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        return switch (event.type()) {
            case ConsumedEvents.PARTNER_TERMINATED -> deletions.terminated(
                    event.data(ConsumedEvents.PartnerTerminated.class), event.id()).replaceWithVoid();
            case ConsumedEvents.PARTNER_ACTIVATED, ConsumedEvents.PARTNER_SCOPE_CHANGED -> {
                PartnerJurisdictionData data = event.data(PartnerJurisdictionData.class);
                OffsetDateTime asOf = data.at() != null ? data.at().atOffset(ZoneOffset.UTC)
                        : event.time() != null ? event.time() : clock.now();
                yield jurisdictions.announce(data.partnerId(), data.jurisdiction(), asOf);
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}

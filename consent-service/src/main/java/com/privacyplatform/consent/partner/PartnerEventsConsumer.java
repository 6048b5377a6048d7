package com.privacyplatform.consent.partner;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.api.events.PartnerEvents;
import com.privacyplatform.api.events.PartnerEvents.Activated;
import com.privacyplatform.api.events.PartnerEvents.ScopeChanged;
import com.privacyplatform.api.events.PartnerEvents.StatusChanged;
import com.privacyplatform.api.events.PartnerEvents.TransfersChanged;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.commons.events.ReceivedEvent;
import com.privacyplatform.consent.revocation.Revocations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the partner projection current from partner-registry's events, exactly once per event
 * (inbox). Scope updates apply only when their {@code scopeVersion} is newer than the stored one;
 * status updates only when newer than the stored status time, approved transfers only when their
 * {@code transfersVersion} is newer. Termination revokes every consent the partner holds (3.5.d).
 */
@ApplicationScoped
public class PartnerEventsConsumer {

    public static final String CONSUMER = "consent-service";

    private final EventConsumer consumer;
    private final ProjectionRepository projection;
    private final Revocations revocations;

    public PartnerEventsConsumer(EventConsumer consumer, ProjectionRepository projection, Revocations revocations) {
        this.consumer = consumer;
        this.projection = projection;
        this.revocations = revocations;
    }

    @Incoming("partner-events")
    public Uni<Void> onPartnerEvent(Message<byte[]> message) {
        return consumer.consume(message, CONSUMER, this::prepare, this::apply);
    }

    /**
     * Before the inbox transaction: a termination's bulk effect (3.5.d) in chunked transactions of
     * its own - first the projection (no new grant, checks deny), then the consents. Safe to run
     * again on redelivery: the status applies once (newer-than rule), revoked consents are no
     * longer granted. The inbox row is written afterwards, with {@link #terminated}.
     */
    Uni<Void> prepare(ReceivedEvent event) {
        if (!PartnerEvents.TERMINATED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        StatusChanged e = event.data(StatusChanged.class);
        return Panache.withTransaction(() -> projection.applyStatus(e.partnerId(), PartnerStatus.TERMINATED, e.at()))
                .chain(() -> revocations.revokeAllOfTerminatedPartner(e.partnerId(), e.reason()))
                .replaceWithVoid();
    }

    Uni<Void> apply(ReceivedEvent event) {
        return switch (event.type()) {
            case PartnerEvents.ACTIVATED -> activated(event.data(Activated.class));
            case PartnerEvents.SCOPE_CHANGED -> scopeChanged(event.data(ScopeChanged.class));
            case PartnerEvents.TRANSFERS_CHANGED -> transfersChanged(event.data(TransfersChanged.class));
            case PartnerEvents.SUSPENDED, PartnerEvents.REINSTATED -> status(event.data(StatusChanged.class));
            case PartnerEvents.TERMINATED -> terminated(event.data(StatusChanged.class));
            default -> Uni.createFrom().voidItem(); // other partner.* types are not bound; ignore if they come
        };
    }

    private Uni<Void> activated(Activated e) {
        return projection.applyScope(e.partnerId(), PartnerStatus.ACTIVE, e.jurisdiction(), e.scopeVersion(), e.scope(),
                        e.automatedDecisionAuthorized())
                .chain(() -> projection.applyStatus(e.partnerId(), PartnerStatus.ACTIVE, e.at()));
    }

    @Enforces(value = {"3.1.b", "3.2.c"}, note = "the projection ignores scope versions older than the stored one")
    private Uni<Void> scopeChanged(ScopeChanged e) {
        return projection.applyScope(e.partnerId(), e.status(), e.jurisdiction(), e.scopeVersion(), e.scope(),
                        e.automatedDecisionAuthorized())
                .chain(() -> projection.applyStatus(e.partnerId(), e.status(), e.at()));
    }

    @Enforces(value = "3.3.c", note = "the projection keeps the partner's APPROVED transfers, newest version only")
    private Uni<Void> transfersChanged(TransfersChanged e) {
        return projection.applyTransfers(e.partnerId(), PartnerStatus.PENDING, e.transfersVersion(), e.transfers());
    }

    private Uni<Void> status(StatusChanged e) {
        return projection.applyStatus(e.partnerId(), e.to(), e.at());
    }

    @Enforces("3.5.d")
    private Uni<Void> terminated(StatusChanged e) {
        return projection.applyStatus(e.partnerId(), PartnerStatus.TERMINATED, e.at())
                .chain(() -> revocations.revokeRemainingOfTerminatedPartner(e.partnerId(), e.reason()))
                .replaceWithVoid();
    }
}

package com.privacyplatform.consent.revocation;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.commons.events.ReceivedEvent;
import com.privacyplatform.consent.record.Cause;
import com.privacyplatform.consent.record.ConsentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * dsr-service's REVOKE_AUTHORIZATION requests (3.5.a): revokes the subject's GRANTED consents with
 * the named partners (all when none are named); each {@code consent.revoked} carries the request
 * id so dsr-service can confirm. Exactly once per event through the inbox.
 */
@ApplicationScoped
public class DsrEventsConsumer {

    public static final String CONSUMER = "consent-service";
    private static final Logger LOG = Logger.getLogger(DsrEventsConsumer.class);
    private static final AuditActor DSR = AuditActor.system("dsr-service");

    private final EventConsumer consumer;
    private final ConsentRepository consents;
    private final Revocations revocations;

    public DsrEventsConsumer(EventConsumer consumer, ConsentRepository consents, Revocations revocations) {
        this.consumer = consumer;
        this.consents = consents;
        this.revocations = revocations;
    }

    @Incoming("dsr-events")
    public Uni<Void> onDsrEvent(Message<byte[]> message) {
        return consumer.consume(message, CONSUMER, this::apply);
    }

    @Enforces("3.5.a")
    Uni<Void> apply(ReceivedEvent event) {
        if (!DsrEvents.REVOCATION_REQUESTED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        DsrEvents.RevocationRequested request = event.data(DsrEvents.RevocationRequested.class);
        if (request.requestId() == null || request.subjectId() == null || request.subjectId().isBlank()) {
            throw new IllegalArgumentException("dsr.revocation-requested " + event.id() + " lacks requestId or subjectId");
        }
        return consents.grantedOfSubject(request.subjectId(), request.partnerIds())
                .chain(granted -> revocations.revokeAll(granted, Cause.DSR_REQUEST, request.reason(), DSR,
                        request.requestId()))
                .invoke(n -> LOG.infof("dsr request %s: %d consent(s) revoked", request.requestId(), n))
                .replaceWithVoid();
    }
}

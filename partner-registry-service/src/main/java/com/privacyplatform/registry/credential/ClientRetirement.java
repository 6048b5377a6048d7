package com.privacyplatform.registry.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.commons.events.ReceivedEvent;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.processor.PartnerLocks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * 3.5.d: a terminated partner keeps its client - and with it its duty routes - until every deletion
 * task of its termination is resolved; dsr-service then announces
 * {@code dsr.termination-deletion-completed} and the partner's client is disabled here. The event
 * is handled through the inbox; a Keycloak failure rolls the handling back and the message is
 * redelivered. The partner row is locked, so a concurrent rotation cannot re-enable the client.
 */
@ApplicationScoped
public class ClientRetirement {

    static final String CONSUMER = "partner-registry-service.client-retirement";
    public static final String TERMINATION_DELETION_COMPLETED = "dsr.termination-deletion-completed";
    private static final Logger LOG = Logger.getLogger(ClientRetirement.class);
    private static final AuditActor SYSTEM = AuditActor.system("partner-registry-service");

    private final EventConsumer consumer;
    private final PartnerLocks locks;
    private final PartnerClients clients;
    private final AuditTrail audit;
    private final PlatformClock clock;

    public ClientRetirement(EventConsumer consumer, PartnerLocks locks, PartnerClients clients, AuditTrail audit,
            PlatformClock clock) {
        this.consumer = consumer;
        this.locks = locks;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Incoming("termination-work")
    public Uni<Void> onEvent(Message<byte[]> message) {
        return consumer.consume(message, CONSUMER, this::apply);
    }

    @Enforces("3.5.d")
    Uni<Void> apply(ReceivedEvent event) {
        if (!TERMINATION_DELETION_COMPLETED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        JsonNode data = event.data(JsonNode.class);
        UUID partnerId = UUID.fromString(data.path("partnerId").asText(event.subject()));
        return locks.lock(partnerId).chain(partner -> retire(partner, partnerId));
    }

    private Uni<Void> retire(Partner partner, UUID partnerId) {
        if (partner == null || partner.status != PartnerStatus.TERMINATED || partner.clientDisabledAt != null) {
            LOG.infof("termination deletion work of %s completed; client not disabled here (%s)", partnerId,
                    partner == null ? "unknown partner" : partner.clientDisabledAt != null ? "already disabled"
                            : "partner is " + partner.status);
            return Uni.createFrom().voidItem();
        }
        return clients.disable(partner.oidcClientId).chain(found -> {
            partner.clientDisabledAt = clock.now();
            return audit.record(SYSTEM, "partner.client-disabled", "partner", partnerId.toString(),
                    "{\"clientFound\":" + found + "}");
        }).replaceWithVoid();
    }
}

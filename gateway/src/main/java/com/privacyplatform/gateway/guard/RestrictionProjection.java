package com.privacyplatform.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.commons.events.ReceivedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps the gateway's projection of partner restrictions: lifecycle events of the registry and
 * emergency orders of breach-service, applied once each (inbox), persisted, and mirrored in
 * {@link PartnerControls} so that enforcement needs no call per request and survives restarts.
 */
@ApplicationScoped
public class RestrictionProjection {

    static final String CONSUMER = "gateway";
    private static final Logger LOG = Logger.getLogger(RestrictionProjection.class);

    private final EventConsumer consumer;
    private final PartnerControls controls = new PartnerControls();

    public RestrictionProjection(EventConsumer consumer) {
        this.consumer = consumer;
    }

    public PartnerControls controls() {
        return controls;
    }

    void load(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> PartnerStatusRow.<PartnerStatusRow>listAll()
                .invoke(rows -> rows.forEach(r -> controls.status(r.partnerId, r.status)))
                .chain(() -> RestrictionRow.<RestrictionRow>list("active", true))
                .invoke(rows -> rows.forEach(r -> controls.restrict(r.partnerId, Restriction.of(r))))
                .invoke(rows -> LOG.infof("restriction projection loaded: %d active orders", rows.size()))));
    }

    @Incoming("partner-controls")
    public Uni<Void> onEvent(Message<byte[]> message) {
        return consumer.consume(message, CONSUMER, this::apply);
    }

    Uni<Void> apply(ReceivedEvent event) {
        JsonNode data = event.data(JsonNode.class);
        UUID partnerId = UUID.fromString(data.path("partnerId").asText());
        return switch (event.type()) {
            case "partner.activated" -> status(partnerId, "ACTIVE", data.path("reason").asText(null));
            case "partner.suspended", "partner.reinstated", "partner.terminated" ->
                    status(partnerId, data.path("to").asText(), data.path("reason").asText(null));
            case "partner.interface-restricted" -> restrict(partnerId, data);
            case "partner.interface-restored" -> restore(partnerId, UUID.fromString(data.path("orderId").asText()));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> status(UUID partnerId, String status, String reason) {
        return PartnerStatusRow.<PartnerStatusRow>findById(partnerId).chain(row -> {
            PartnerStatusRow target = row != null ? row : new PartnerStatusRow();
            target.partnerId = partnerId;
            target.status = status;
            target.reason = reason;
            target.updatedAt = now();
            return row != null ? Uni.createFrom().item(target) : target.<PartnerStatusRow>persist();
        }).invoke(() -> controls.status(partnerId, status)).replaceWithVoid();
    }

    private Uni<Void> restrict(UUID partnerId, JsonNode data) {
        RestrictionRow row = new RestrictionRow();
        row.orderId = UUID.fromString(data.path("orderId").asText());
        row.partnerId = partnerId;
        row.kind = Restriction.Kind.valueOf(data.path("kind").asText()).name();
        row.requestsPerSecond = intOrNull(data.path("requestsPerSecond"));
        row.requestsPerPeriod = intOrNull(data.path("requestsPerPeriod"));
        row.period = data.hasNonNull("period") ? data.get("period").asText() : null;
        row.expiresAt = data.hasNonNull("expiresAt") ? OffsetDateTime.parse(data.get("expiresAt").asText()) : null;
        row.reason = data.path("reason").asText(null);
        row.active = true;
        row.updatedAt = now();
        Restriction restriction = Restriction.of(row); // validates kind and period before anything is written
        return Panache.getSession().chain(s -> s.merge(row)).invoke(() -> controls.restrict(partnerId, restriction))
                .replaceWithVoid();
    }

    private Uni<Void> restore(UUID partnerId, UUID orderId) {
        return RestrictionRow.update("active = false, updatedAt = ?1 where orderId = ?2", now(), orderId)
                .invoke(() -> controls.restore(partnerId, orderId)).replaceWithVoid();
    }

    private static Integer intOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asInt();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** For tests and diagnostics: the active orders held in memory for a partner. */
    public List<Restriction> throttlesOf(UUID partnerId) {
        return controls.verdict(partnerId, java.time.Instant.now()) instanceof PartnerControls.Allow allow
                ? allow.throttles() : List.of();
    }
}

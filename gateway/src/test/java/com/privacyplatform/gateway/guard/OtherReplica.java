package com.privacyplatform.gateway.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.gateway.config.GatewayConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A second gateway replica's projection: its own {@link RestrictionProjection} with its own
 * in-memory {@link PartnerControls}, writing to the shared database through exactly the methods its
 * event consumer calls for {@code partner.suspended}, {@code partner.interface-restricted} and
 * {@code partner.interface-restored}, each in its own transaction. Nothing it does reaches the
 * replica under test except through PostgreSQL.
 */
public final class OtherReplica {

    private final RestrictionProjection projection;
    private final ObjectMapper json = new ObjectMapper();

    public OtherReplica(EventConsumer consumer, GatewayConfig config, Pool pool, PlatformClock clock) {
        this.projection = new RestrictionProjection(consumer, config, pool, clock);
    }

    public PartnerControls controls() {
        return projection.controls();
    }

    /** What {@code partner.suspended} / {@code partner.reinstated} (status {@code to}) does. */
    public void status(UUID partnerId, String status, Instant at) throws Throwable {
        inTransaction(() -> projection.status(partnerId, status, "set by another replica", at));
    }

    /** What {@code partner.interface-restricted} does. */
    public void restrict(UUID partnerId, UUID orderId, String kind) throws Throwable {
        RestrictionRow row = RestrictionProjection.order(partnerId, json.createObjectNode()
                .put("orderId", orderId.toString()).put("kind", kind).put("reason", "suspected leak"));
        inTransaction(() -> projection.restrict(row));
    }

    /** What {@code partner.interface-restored} does. */
    public void restore(UUID partnerId, UUID orderId) throws Throwable {
        inTransaction(() -> projection.restore(partnerId, orderId, null));
    }

    private static void inTransaction(Supplier<Uni<Void>> work) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }
}

package com.privacyplatform.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.commons.events.EventConsumer;
import com.privacyplatform.commons.events.ReceivedEvent;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.gateway.config.GatewayConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Keeps the gateway's projection of partner restrictions: lifecycle events of the registry and
 * emergency orders of breach-service, applied once each (inbox), persisted, and mirrored in
 * {@link PartnerControls} so that enforcement needs no call per request and survives restarts.
 * {@link ProjectionBootstrap} feeds the same projection from the services' snapshots. Every write
 * commutes with the others, so events and snapshots may arrive in any order:
 * <ul>
 * <li>a status carries the registry's time of the change ({@code at}, a snapshot's {@code updatedAt})
 * and replaces only an older one;</li>
 * <li>an order is inserted once and ended once: an ended order (lifted or expired, final in
 * breach-service) stays ended, also when a snapshot read before the end still lists it.</li>
 * </ul>
 * Every change of the tables NOTIFYs the other replicas (trigger, migration 203), which reload the
 * partner's rows ({@link #reloadPartner}, {@link ControlsListener}); this replica applies what it
 * wrote to its own memory at once as well (idempotent with the reload).
 */
@ApplicationScoped
public class RestrictionProjection {

    static final String CONSUMER = "gateway";
    static final String REGISTRY = "registry";
    static final String BREACH = "breach";
    /** dsr-service: every deletion task of the partner's termination is resolved (3.5.d). */
    static final String TERMINATION_DELETION_COMPLETED = "dsr.termination-deletion-completed";
    private static final Logger LOG = Logger.getLogger(RestrictionProjection.class);

    /** status_at is -infinity for rows older than migration 202 (older than any fact): read as Instant.MIN. */
    private static final String STATUS_COLUMNS = "SELECT partner_id, status,"
            + " CASE WHEN isfinite(status_at) THEN status_at END AS status_at FROM gateway_partner_status";
    private static final String DISCHARGE_COLUMNS = "SELECT partner_id, discharged_at FROM gateway_partner_discharge";
    private static final String RESTRICTION_COLUMNS = "SELECT order_id, partner_id, kind, requests_per_second,"
            + " requests_per_period, period, expires_at, active FROM gateway_restriction";

    private final EventConsumer consumer;
    private final Pool pool;
    private final PartnerControls controls;
    private final PlatformClock clock;

    public RestrictionProjection(EventConsumer consumer, GatewayConfig config, Pool pool, PlatformClock clock) {
        this.consumer = consumer;
        this.pool = pool;
        boolean gate = config.projection().bootstrap() && config.projection().failClosed();
        this.controls = new PartnerControls(gate ? Set.of(REGISTRY, BREACH) : Set.of());
        this.clock = clock;
    }

    public PartnerControls controls() {
        return controls;
    }

    void load(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> reloadAll().invoke(orders -> LOG.infof(
                "restriction projection loaded: %d active orders", orders)));
    }

    /**
     * Everything in the projection tables into memory: at start, and whenever this replica may have
     * missed a change of another replica (its LISTEN connection was lost, {@link ControlsListener}).
     * Merged under the commuting rules of {@link PartnerControls}, so a reload never undoes a newer
     * fact; returns how many active orders it read.
     */
    public Uni<Long> reloadAll() {
        return pool.query(STATUS_COLUMNS).execute()
                .invoke(rows -> rows.forEach(this::applyStatus))
                .chain(() -> pool.query(DISCHARGE_COLUMNS).execute())
                .invoke(rows -> rows.forEach(this::applyDischarge))
                .chain(() -> pool.query(RESTRICTION_COLUMNS).execute())
                .map(rows -> {
                    long active = 0;
                    for (Row row : rows) {
                        active += applyRestriction(row) ? 1 : 0;
                    }
                    return active;
                })
                .call(() -> pool.query("SELECT source FROM gateway_projection_sync").execute()
                        .invoke(rows -> rows.forEach(row -> controls.synced(row.getString("source")))));
    }

    /** One partner's rows into memory: another replica (or this one) changed them (NOTIFY gateway_controls). */
    public Uni<Void> reloadPartner(UUID partnerId) {
        Tuple id = Tuple.of(partnerId);
        return pool.preparedQuery(STATUS_COLUMNS + " WHERE partner_id = $1")
                .execute(id).invoke(rows -> rows.forEach(this::applyStatus))
                .chain(() -> pool.preparedQuery(DISCHARGE_COLUMNS + " WHERE partner_id = $1").execute(id))
                .invoke(rows -> rows.forEach(this::applyDischarge))
                .chain(() -> pool.preparedQuery(RESTRICTION_COLUMNS + " WHERE partner_id = $1").execute(id))
                .invoke(rows -> rows.forEach(this::applyRestriction))
                .replaceWithVoid();
    }

    private void applyStatus(Row row) {
        OffsetDateTime at = row.getOffsetDateTime("status_at");
        controls.status(row.getUUID("partner_id"), row.getString("status"), at == null ? Instant.MIN : at.toInstant());
    }

    private void applyDischarge(Row row) {
        controls.discharged(row.getUUID("partner_id"), row.getOffsetDateTime("discharged_at").toInstant());
    }

    /** @return whether the row is an active order */
    private boolean applyRestriction(Row row) {
        RestrictionRow r = new RestrictionRow();
        r.orderId = row.getUUID("order_id");
        r.partnerId = row.getUUID("partner_id");
        r.kind = row.getString("kind");
        r.requestsPerSecond = row.getInteger("requests_per_second");
        r.requestsPerPeriod = row.getInteger("requests_per_period");
        r.period = row.getString("period");
        r.expiresAt = row.getOffsetDateTime("expires_at");
        r.active = row.getBoolean("active");
        if (r.active) {
            controls.restrict(r.partnerId, Restriction.of(r));
        } else {
            controls.restore(r.partnerId, r.orderId);
        }
        return r.active;
    }

    @Incoming("partner-controls")
    public Uni<Void> onEvent(Message<byte[]> message) {
        return consumer.consume(message, CONSUMER, this::apply);
    }

    Uni<Void> apply(ReceivedEvent event) {
        JsonNode data = event.data(JsonNode.class);
        UUID partnerId = UUID.fromString(data.path("partnerId").asText());
        Instant at = data.hasNonNull("at") ? Instant.parse(data.get("at").asText())
                : event.time() != null ? event.time().toInstant() : clock.instant();
        return switch (event.type()) {
            case "partner.activated" -> status(partnerId, "ACTIVE", data.path("reason").asText(null), at);
            case "partner.suspended", "partner.reinstated", "partner.terminated" ->
                    status(partnerId, data.path("to").asText(), data.path("reason").asText(null), at);
            case "partner.interface-restricted" -> restrict(order(partnerId, data));
            case TERMINATION_DELETION_COMPLETED -> discharged(partnerId,
                    data.hasNonNull("completedAt") ? Instant.parse(data.get("completedAt").asText()) : at);
            case "partner.interface-restored" -> restore(partnerId, UUID.fromString(data.path("orderId").asText()),
                    data.hasNonNull("kind") ? data.get("kind").asText() : null);
            default -> Uni.createFrom().voidItem();
        };
    }

    /** Call inside a transaction: the status as of {@code at}, unless a later one is stored. */
    Uni<Void> status(UUID partnerId, String status, String reason, Instant at) {
        return statusChanged(partnerId, status, reason, at).replaceWithVoid();
    }

    /** As {@link #status}; answers whether the partner's enforced status changed (a snapshot's drift, 18.2). */
    Uni<Boolean> statusChanged(UUID partnerId, String status, String reason, Instant at) {
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("partner event without a status");
        }
        String before = controls.statuses().get(partnerId);
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO gateway_partner_status"
                        + " (partner_id, status, reason, status_at, updated_at) VALUES (:id, :status, :reason, :at, :now)"
                        + " ON CONFLICT (partner_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason,"
                        + " status_at = EXCLUDED.status_at, updated_at = EXCLUDED.updated_at"
                        + " WHERE gateway_partner_status.status_at <= EXCLUDED.status_at")
                .setParameter("id", partnerId).setParameter("status", status).setParameter("reason", reason)
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).setParameter("now", clock.now()).executeUpdate())
                .invoke(updated -> {
                    // only what the table took: an older fact than the stored one changes nothing here
                    // either (memory keeps the stored time of the status, as every other replica's does)
                    if (updated > 0) {
                        controls.status(partnerId, status, at);
                    }
                }).map(updated -> updated > 0 && !status.equals(before));
    }

    /**
     * Call inside a transaction: the deletion work of the partner's termination is complete; the
     * terminated partner loses its duty routes too (final, so the first fact stays).
     */
    Uni<Void> discharged(UUID partnerId, Instant at) {
        return dischargedChanged(partnerId, at).replaceWithVoid();
    }

    /** As {@link #discharged}; answers whether the fact was new here (a snapshot's drift, 18.2). */
    Uni<Boolean> dischargedChanged(UUID partnerId, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO gateway_partner_discharge"
                        + " (partner_id, discharged_at, updated_at) VALUES (:id, :at, :now) ON CONFLICT DO NOTHING")
                .setParameter("id", partnerId).setParameter("at", at.atOffset(ZoneOffset.UTC))
                .setParameter("now", clock.now()).executeUpdate())
                .invoke(() -> controls.discharged(partnerId, at)).map(inserted -> inserted > 0);
    }

    /** Call inside a transaction: an active order, unless it is already known (active or ended). */
    Uni<Void> restrict(RestrictionRow row) {
        return restrictChanged(row).replaceWithVoid();
    }

    /** As {@link #restrict}; answers whether the order was new here (a snapshot's drift, 18.2). */
    Uni<Boolean> restrictChanged(RestrictionRow row) {
        Restriction restriction = Restriction.of(row); // validates kind and period before anything is written
        return Panache.getSession().chain(s -> insertIfAbsent(s, row)).invoke(inserted -> {
            if (inserted > 0) {
                controls.restrict(row.partnerId, restriction);
            }
        }).map(inserted -> inserted > 0);
    }

    /** Call inside a transaction: the order ended; remembered also when its start was never seen. */
    Uni<Void> restore(UUID partnerId, UUID orderId, String kind) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO gateway_restriction"
                        + " (order_id, partner_id, kind, active, updated_at) VALUES (:order, :partner, :kind, false, :now)"
                        + " ON CONFLICT (order_id) DO UPDATE SET active = false, updated_at = EXCLUDED.updated_at"
                        + " WHERE gateway_restriction.active")
                .setParameter("order", orderId).setParameter("partner", partnerId).setParameter("kind", kind)
                .setParameter("now", clock.now()).executeUpdate())
                .invoke(() -> controls.restore(partnerId, orderId)).replaceWithVoid();
    }

    /**
     * Call inside a transaction: {@code active} is the complete list of active orders that
     * breach-service returned to requests sent after {@code askedAt}. Orders missing from it that
     * were stored as active before {@code askedAt} have ended since (an ended order never comes
     * back); orders stored later came from events after the question and are kept. Answers how many
     * orders it started and ended here (the drift of issue 18.2: events that never arrived).
     */
    Uni<Integer> replaceActiveOrders(List<RestrictionRow> active, OffsetDateTime askedAt) {
        Set<UUID> listed = active.stream().map(r -> r.orderId).collect(java.util.stream.Collectors.toSet());
        Uni<Integer> inserted = Multi.createFrom().iterable(active)
                .onItem().transformToUniAndConcatenate(this::restrictChanged)
                .collect().with(java.util.stream.Collectors.summingInt(changed -> changed ? 1 : 0));
        return inserted.chain(started -> RestrictionRow.<RestrictionRow>list("active = true and updatedAt < ?1", askedAt)
                .chain(stored -> {
                    List<RestrictionRow> ended = stored.stream().filter(r -> !listed.contains(r.orderId)).toList();
                    return Multi.createFrom().iterable(ended)
                            .onItem().transformToUniAndConcatenate(r -> restore(r.partnerId, r.orderId, r.kind))
                            .collect().last().replaceWith(started + ended.size());
                }));
    }

    /** Call inside a transaction: {@code source}'s snapshot was applied completely. */
    Uni<Void> synced(String source, int items) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO gateway_projection_sync"
                        + " (source, synced_at, items) VALUES (:source, :now, :items) ON CONFLICT (source)"
                        + " DO UPDATE SET synced_at = EXCLUDED.synced_at, items = EXCLUDED.items")
                .setParameter("source", source).setParameter("items", items).setParameter("now", clock.now())
                .executeUpdate())
                .invoke(() -> controls.synced(source)).replaceWithVoid();
    }

    private Uni<Integer> insertIfAbsent(Mutiny.Session s, RestrictionRow row) {
        return s.createNativeQuery("INSERT INTO gateway_restriction (order_id, partner_id, kind, requests_per_second,"
                        + " requests_per_period, period, expires_at, reason, active, updated_at) VALUES (:order, :partner,"
                        + " :kind, :rps, :rpp, :period, :expires, :reason, true, :now) ON CONFLICT (order_id) DO NOTHING")
                .setParameter("order", row.orderId).setParameter("partner", row.partnerId).setParameter("kind", row.kind)
                .setParameter("rps", row.requestsPerSecond).setParameter("rpp", row.requestsPerPeriod)
                .setParameter("period", row.period).setParameter("expires", row.expiresAt)
                .setParameter("reason", row.reason).setParameter("now", clock.now()).executeUpdate();
    }

    /** An order as the event {@code partner.interface-restricted} or the breach snapshot describes it. */
    static RestrictionRow order(UUID partnerId, JsonNode data) {
        RestrictionRow row = new RestrictionRow();
        row.orderId = UUID.fromString(data.hasNonNull("orderId") ? data.get("orderId").asText() : data.path("id").asText());
        row.partnerId = partnerId;
        row.kind = Restriction.Kind.valueOf(data.path("kind").asText()).name();
        row.requestsPerSecond = intOrNull(data.path("requestsPerSecond"));
        row.requestsPerPeriod = intOrNull(data.path("requestsPerPeriod"));
        row.period = data.hasNonNull("period") ? data.get("period").asText() : null;
        row.expiresAt = data.hasNonNull("expiresAt") ? OffsetDateTime.parse(data.get("expiresAt").asText()) : null;
        row.reason = data.path("reason").asText(null);
        row.active = true;
        return row;
    }

    private static Integer intOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asInt();
    }
}

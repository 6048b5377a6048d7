package com.privacyplatform.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.projection.SourcePages;
import com.privacyplatform.commons.projection.SourcePages.Source;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Fills the restrictions projection from the services' own state, so that a fresh gateway (new
 * database) enforces suspensions, terminations and emergency orders that were decided before it
 * started, before any event arrives (3.4.j, 4.6): every partner's status from the registry's
 * {@code GET /partner-snapshots} and the active orders from breach-service's
 * {@code GET /emergency-orders?active=true}, both read with platform-commons' {@code SourcePages} and a
 * client-credentials token of {@code platform-services} (role platform-service).
 *
 * <p>It runs at start (start-up waits for the first attempt a few seconds, a failure does not stop
 * it), then retries every {@code retry-interval} until both snapshots were applied, and re-applies
 * them every {@code resync-interval} to repair whatever events were lost. Until both were applied
 * once into this database, partner requests get 503 (fail closed). Snapshots commute with events
 * (see {@link RestrictionProjection}): an event applied after the snapshot was read is never undone.
 */
@ApplicationScoped
public class ProjectionBootstrap {

    private static final Logger LOG = Logger.getLogger(ProjectionBootstrap.class);

    private final GatewayConfig config;
    private final OidcClient oidc;
    private final SourcePages sources;
    private final RestrictionProjection projection;
    /** The projection's name in the drift metric (as platform-commons' ProjectionSync names the services'). */
    public static final String PROJECTION = "gateway-restrictions";

    private final Map<String, Instant> lastSync = new ConcurrentHashMap<>();
    private final Counter drift;
    private final PlatformClock clock;

    public ProjectionBootstrap(GatewayConfig config, OidcClient oidc, SourcePages sources,
            RestrictionProjection projection, MeterRegistry meters, PlatformClock clock) {
        this.drift = Counter.builder("platform.projection.drift.repaired")
                .description("Projection entries a reconciliation with the source had to repair")
                .tag("projection", PROJECTION).register(meters);
        this.config = config;
        this.oidc = oidc;
        this.sources = sources;
        this.projection = projection;
        this.clock = clock;
    }

    /** After {@link RestrictionProjection#load} (default observer priority 2500). */
    void start(@Observes @Priority(3000) StartupEvent event) {
        if (!config.projection().bootstrap()) {
            LOG.warn("restrictions projection bootstrap is disabled (gateway.projection.bootstrap=false)");
            return;
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> syncDue()
                    .ifNoItem().after(config.projection().startupWait()).recoverWithItem((Void) null));
        } catch (Throwable e) {
            LOG.warnf("restrictions projection bootstrap at start failed (%s); retrying in the background",
                    e.getMessage());
        }
    }

    @Scheduled(identity = "gateway-projection-bootstrap", every = "${gateway.projection.retry-interval:5S}",
            delayed = "${gateway.projection.retry-interval:5S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return config.projection().bootstrap() ? syncDue() : Uni.createFrom().voidItem();
    }

    /**
     * Loads each snapshot that was never loaded by this process or whose last load is older than
     * resync-interval. The due snapshots are read at once, with one token (issue 19: the gateway's
     * readiness waits for the first load), and applied one after the other - one Hibernate Reactive
     * session at a time on this context; a source that cannot be read does not keep the other from
     * being applied.
     */
    Uni<Void> syncDue() {
        Instant due = clock.instant().minus(config.projection().resyncInterval());
        return sync(isDue(RestrictionProjection.REGISTRY, due), isDue(RestrictionProjection.BREACH, due));
    }

    /**
     * Reads the named snapshots at once with one token and applies each that could be read; a source
     * that failed is logged and left to the next attempt.
     */
    @Enforces({"3.4.j", "4.6", "3.5.d"})
    public Uni<Void> sync(boolean registryDue, boolean breachDue) {
        if (!registryDue && !breachDue) {
            return Uni.createFrom().voidItem();
        }
        Uni<String> token = token().memoize().indefinitely();
        Uni<Supplier<Uni<Sync>>> registry = registryDue ? read(readRegistry(token), this::applyRegistry) : nothing();
        Uni<Supplier<Uni<Sync>>> breach = breachDue ? read(readBreach(token), this::applyBreach) : nothing();
        return Uni.combine().all().unis(registry, breach).asTuple()
                .chain(read -> guarded(RestrictionProjection.REGISTRY, read.getItem1())
                        .chain(() -> guarded(RestrictionProjection.BREACH, read.getItem2())));
    }

    /** A snapshot read, as the step that applies it - or fails with why it could not be read. */
    private static <T> Uni<Supplier<Uni<Sync>>> read(Uni<T> snapshot, Function<T, Uni<Sync>> apply) {
        return snapshot.<Supplier<Uni<Sync>>>map(items -> () -> apply.apply(items))
                .onFailure().recoverWithItem(failure -> () -> Uni.createFrom().failure(failure));
    }

    private static Uni<Supplier<Uni<Sync>>> nothing() {
        return Uni.createFrom().nullItem();
    }

    private boolean isDue(String source, Instant due) {
        Instant last = lastSync.get(source);
        return last == null || last.isBefore(due);
    }

    private Uni<Void> guarded(String source, Supplier<Uni<Sync>> sync) {
        if (sync == null) {
            return Uni.createFrom().voidItem(); // not due
        }
        return reconciled(source, sync).onFailure().recoverWithUni(e -> {
            LOG.warnf("restrictions projection: %s snapshot failed (%s); retrying in %s", source, e.getMessage(),
                    config.projection().retryInterval());
            return Uni.createFrom().nullItem();
        }).replaceWithVoid();
    }

    /**
     * Reconciles with both sources now (an officer's request, issue 18.2); answers what each listed
     * and repaired. Both snapshots are read at once with one token and applied only when both could
     * be read, one after the other; when either cannot be read the answer is that failure and the
     * projection is unchanged.
     */
    @Enforces({"3.4.j", "4.6", "3.5.d"})
    public Uni<Map<String, Sync>> reconcileNow() {
        Uni<String> token = token().memoize().indefinitely();
        return Uni.combine().all().unis(readRegistry(token), readBreach(token)).asTuple().chain(read -> {
            Map<String, Sync> out = new java.util.LinkedHashMap<>();
            return reconciled(RestrictionProjection.REGISTRY, () -> applyRegistry(read.getItem1()))
                    .invoke(r -> out.put(RestrictionProjection.REGISTRY, r))
                    .chain(() -> reconciled(RestrictionProjection.BREACH, () -> applyBreach(read.getItem2())))
                    .invoke(b -> out.put(RestrictionProjection.BREACH, b)).replaceWith(out);
        });
    }

    /**
     * Applies one source's snapshot and reports it: the first one of this process builds the
     * projection; after it, what a snapshot changed is drift (events lost or not yet delivered),
     * counted in {@code platform.projection.drift.repaired{projection=gateway-restrictions}} and logged.
     */
    private Uni<Sync> reconciled(String source, Supplier<Uni<Sync>> sync) {
        return Uni.createFrom().deferred(sync::get).invoke(result -> {
            boolean first = lastSync.put(source, clock.instant()) == null;
            if (first) {
                LOG.infof("restrictions projection: %s snapshot applied (%d item(s))", source, result.items());
            } else if (result.repaired() > 0) {
                drift.increment(result.repaired());
                LOG.warnf("restrictions projection reconciled with the %s snapshot: %d entr%s repaired (drift)", source,
                        result.repaired(), result.repaired() == 1 ? "y" : "ies");
            }
        });
    }

    /**
     * Every partner's status from the registry, and for a terminated one whether the deletion work
     * of its termination is complete ({@code terminationDeletionCompletedAt}); returns how many
     * partners it listed.
     */
    @Enforces({"3.4.j", "4.6", "3.5.d"})
    public Uni<Integer> syncRegistry() {
        return registry().map(Sync::items);
    }

    /** What one snapshot of a source listed, and how many entries of the projection it changed (drift). */
    public record Sync(int items, int repaired) {
    }

    private Uni<Sync> registry() {
        return readRegistry(token()).chain(this::applyRegistry);
    }

    private Uni<List<JsonNode>> readRegistry(Uni<String> token) {
        return sources.all(source(config.projection().registryUrl(), "/partner-snapshots", ""), token, JsonNode.class);
    }

    private Uni<Sync> applyRegistry(List<JsonNode> items) {
        return Panache.withTransaction(() -> Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> {
                    UUID partnerId = UUID.fromString(text(item, "partnerId"));
                    Uni<Boolean> status = projection.statusChanged(partnerId, text(item, "status"), null,
                            Instant.parse(text(item, "updatedAt")));
                    JsonNode completed = item.get("terminationDeletionCompletedAt");
                    return completed == null || completed.isNull() ? status : status.chain(changed ->
                            projection.dischargedChanged(partnerId, Instant.parse(completed.asText()))
                                    .map(discharged -> changed || discharged));
                })
                .collect().with(java.util.stream.Collectors.summingInt(changed -> changed ? 1 : 0))
                .call(() -> projection.synced(RestrictionProjection.REGISTRY, items.size()))
                .map(repaired -> new Sync(items.size(), repaired)));
    }

    /** The active emergency orders from breach-service; returns how many it listed. */
    @Enforces("3.4.j")
    public Uni<Integer> syncBreach() {
        return breach().map(Sync::items);
    }

    private Uni<Sync> breach() {
        return readBreach(token()).chain(this::applyBreach);
    }

    /** The active orders as breach-service listed them, and when they were asked for. */
    private record Orders(OffsetDateTime askedAt, List<JsonNode> items) {
    }

    private Uni<Orders> readBreach(Uni<String> token) {
        return token.chain(bearer -> {
            OffsetDateTime askedAt = clock.now();
            return sources.all(source(config.projection().breachUrl(), "/emergency-orders", "active=true"),
                    Uni.createFrom().item(bearer), JsonNode.class).map(items -> new Orders(askedAt, items));
        });
    }

    private Uni<Sync> applyBreach(Orders listed) {
        List<RestrictionRow> orders = new ArrayList<>();
        for (JsonNode item : listed.items()) {
            if ("ACTIVE".equals(item.path("state").asText("ACTIVE"))) {
                orders.add(RestrictionProjection.order(UUID.fromString(text(item, "partnerId")), item));
            }
        }
        return Panache.withTransaction(() -> projection.replaceActiveOrders(orders, listed.askedAt())
                .call(() -> projection.synced(RestrictionProjection.BREACH, orders.size()))
                .map(repaired -> new Sync(orders.size(), repaired)));
    }

    private Uni<String> token() {
        return oidc.getTokens().map(tokens -> "Bearer " + tokens.getAccessToken());
    }

    /** One of the two sources, in pages of {@code gateway.projection.page-size}; read and applied whole. */
    private Source source(URI base, String path, String query) {
        return new Source(base, path, query, config.projection().pageSize());
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalStateException("snapshot item without " + field);
        }
        return value.asText();
    }
}

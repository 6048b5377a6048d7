package com.privacyplatform.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.clause.Enforces;
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
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Fills the restrictions projection from the services' own state, so that a fresh gateway (new
 * database) enforces suspensions, terminations and emergency orders that were decided before it
 * started, before any event arrives (3.4.j, 4.6): every partner's status from the registry's
 * {@code GET /partner-snapshots} and the active orders from breach-service's
 * {@code GET /emergency-orders?active=true}, both with a client-credentials token of
 * {@code platform-services} (role platform-service).
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
    private final RestrictionProjection projection;
    private final ObjectMapper json;
    private final HttpClient http;
    /** The projection's name in the drift metric (as platform-commons' ProjectionSync names the services'). */
    public static final String PROJECTION = "gateway-restrictions";

    private final Map<String, Instant> lastSync = new ConcurrentHashMap<>();
    private final Counter drift;
    private final PlatformClock clock;

    public ProjectionBootstrap(GatewayConfig config, OidcClient oidc, RestrictionProjection projection,
            ObjectMapper json, Vertx vertx, MeterRegistry meters, PlatformClock clock) {
        this.drift = Counter.builder("platform.projection.drift.repaired")
                .description("Projection entries a reconciliation with the source had to repair")
                .tag("projection", PROJECTION).register(meters);
        this.config = config;
        this.oidc = oidc;
        this.projection = projection;
        this.json = json;
        this.http = vertx.createHttpClient();
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

    /** Loads each snapshot that was never loaded by this process or whose last load is older than resync-interval. */
    Uni<Void> syncDue() {
        Instant due = clock.instant().minus(config.projection().resyncInterval());
        Uni<Void> registry = isDue(RestrictionProjection.REGISTRY, due) ? guarded(RestrictionProjection.REGISTRY,
                this::registry) : Uni.createFrom().voidItem();
        Uni<Void> breach = isDue(RestrictionProjection.BREACH, due) ? guarded(RestrictionProjection.BREACH,
                this::breach) : Uni.createFrom().voidItem();
        return registry.chain(() -> breach);
    }

    private boolean isDue(String source, Instant due) {
        Instant last = lastSync.get(source);
        return last == null || last.isBefore(due);
    }

    private Uni<Void> guarded(String source, Supplier<Uni<Sync>> sync) {
        return reconciled(source, sync).onFailure().recoverWithUni(e -> {
            LOG.warnf("restrictions projection: %s snapshot failed (%s); retrying in %s", source, e.getMessage(),
                    config.projection().retryInterval());
            return Uni.createFrom().nullItem();
        }).replaceWithVoid();
    }

    /**
     * Reconciles with both sources now (an officer's request, issue 18.2); answers what each listed
     * and repaired. Fails when a source cannot be read (the projection keeps what it had).
     */
    public Uni<Map<String, Sync>> reconcileNow() {
        Map<String, Sync> out = new java.util.LinkedHashMap<>();
        return reconciled(RestrictionProjection.REGISTRY, this::registry).invoke(r -> out.put(RestrictionProjection.REGISTRY, r))
                .chain(() -> reconciled(RestrictionProjection.BREACH, this::breach))
                .invoke(b -> out.put(RestrictionProjection.BREACH, b)).replaceWith(out);
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
        return token().chain(bearer -> fetchAll(config.projection().registryUrl(), "/partner-snapshots", "", bearer))
                .chain(items -> Panache.withTransaction(() -> Multi.createFrom().iterable(items)
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
                        .map(repaired -> new Sync(items.size(), repaired))));
    }

    /** The active emergency orders from breach-service; returns how many it listed. */
    @Enforces("3.4.j")
    public Uni<Integer> syncBreach() {
        return breach().map(Sync::items);
    }

    private Uni<Sync> breach() {
        OffsetDateTime askedAt = clock.now();
        return token().chain(bearer -> fetchAll(config.projection().breachUrl(), "/emergency-orders", "&active=true",
                        bearer))
                .chain(items -> {
                    List<RestrictionRow> orders = new ArrayList<>();
                    for (JsonNode item : items) {
                        if ("ACTIVE".equals(item.path("state").asText("ACTIVE"))) {
                            orders.add(RestrictionProjection.order(UUID.fromString(text(item, "partnerId")), item));
                        }
                    }
                    return Panache.withTransaction(() -> projection.replaceActiveOrders(orders, askedAt)
                            .call(() -> projection.synced(RestrictionProjection.BREACH, orders.size()))
                            .map(repaired -> new Sync(orders.size(), repaired)));
                });
    }

    private Uni<String> token() {
        return oidc.getTokens().map(tokens -> "Bearer " + tokens.getAccessToken());
    }

    /** Every page of {@code path} ({@code {"items":[...],"nextCursor":...}}), in order. */
    private Uni<List<JsonNode>> fetchAll(URI base, String path, String query, String bearer) {
        List<JsonNode> all = new ArrayList<>();
        return page(base, path, query, bearer, null, all).replaceWith(all);
    }

    private Uni<Void> page(URI base, String path, String query, String bearer, String cursor, List<JsonNode> into) {
        String uri = path + "?limit=" + config.projection().pageSize() + query
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return get(base, uri, bearer).chain(body -> {
            JsonNode items = body.get("items");
            if (items == null || !items.isArray()) {
                return Uni.createFrom().failure(new IllegalStateException(base + path + " answered without items"));
            }
            items.forEach(into::add);
            JsonNode next = body.get("nextCursor");
            return next == null || next.isNull() || items.isEmpty() ? Uni.createFrom().voidItem()
                    : page(base, path, query, bearer, next.asText(), into);
        });
    }

    private Uni<JsonNode> get(URI base, String uri, String bearer) {
        boolean ssl = "https".equals(base.getScheme());
        String prefix = base.getPath() == null ? "" : base.getPath().replaceAll("/$", "");
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80).setSsl(ssl).setURI(prefix + uri)
                .putHeader("Authorization", bearer).putHeader("Accept", "application/json").setTimeout(10_000);
        return Uni.createFrom().completionStage(() -> http.request(options).compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(base + uri + " answered " + response.statusCode());
                    }
                    try {
                        return json.readTree(body.getBytes());
                    } catch (IOException e) {
                        throw new IllegalStateException(base + uri + " answered no JSON", e);
                    }
                })).toCompletionStage());
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalStateException("snapshot item without " + field);
        }
        return value.asText();
    }
}

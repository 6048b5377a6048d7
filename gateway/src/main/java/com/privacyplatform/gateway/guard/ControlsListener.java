package com.privacyplatform.gateway.guard;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.db.ListenConnectOptions;
import com.privacyplatform.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Keeps every replica's {@link PartnerControls} in step with the shared projection tables (3.4.j):
 * an event is delivered to one replica only, so the others learn of its effect from PostgreSQL.
 * Each change of the tables NOTIFYs {@value #CHANNEL} with the partner's id at commit (triggers of
 * migration 203); this LISTENs on its own connection (as platform-commons' {@code NotifyListener}
 * does, from the same datasource configuration) and reloads that partner's rows. After every
 * (re)subscription - a lost connection, a database failover - it reloads everything, since
 * notifications sent meanwhile are gone. Reloads merge under the commuting rules, so they are
 * idempotent and may race with each other and with this replica's own consumer. Every
 * {@code resync-interval} it reloads everything anyway (safety net).
 */
@ApplicationScoped
public class ControlsListener {

    static final String CHANNEL = "gateway_controls";
    /** {@code application_name} of the LISTEN connection (pg_stat_activity). */
    public static final String APPLICATION_NAME = "gateway-controls-listener";
    private static final Logger LOG = Logger.getLogger(ControlsListener.class);

    private final RestrictionProjection projection;
    private final Vertx vertx;
    private final Duration reconnectDelay;
    private final AtomicLong subscriptions = new AtomicLong();
    private final AtomicLong fullReloads = new AtomicLong();
    private final AtomicLong partnerReloads = new AtomicLong();
    private PgSubscriber subscriber;

    public ControlsListener(RestrictionProjection projection, Vertx vertx, GatewayConfig config) {
        this.projection = projection;
        this.vertx = vertx;
        this.reconnectDelay = config.projection().listenReconnectDelay();
    }

    /** After {@link RestrictionProjection#load} (2500), before the bootstrap (3000). */
    void start(@Observes @Priority(2600) StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        // the pool's URL, credentials and TLS (ssl-mode, trusted CA): never plainer than the pool (3.4.c)
        PgConnectOptions options = ListenConnectOptions.of(config);
        // a peer that vanishes without closing (network partition) is noticed by TCP keep-alive
        options.setTcpKeepAlive(true).addProperty("application_name", APPLICATION_NAME);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> {
            if (retries == 0) {
                LOG.warnf("LISTEN %s: connection lost; reconnecting every %s", CHANNEL, reconnectDelay);
            }
            return reconnectDelay.toMillis();
        });
        subscriber.channel(CHANNEL).handler(this::onNotify).subscribeHandler(v -> onSubscribed());
        subscriber.connect().onFailure(e -> LOG.warnf("LISTEN %s not established yet (%s); retrying every %s",
                CHANNEL, e.getMessage(), reconnectDelay));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    @Enforces("3.4.j")
    private void onSubscribed() {
        long n = subscriptions.incrementAndGet();
        if (n > 1) {
            LOG.infof("LISTEN %s re-established; reloading the whole projection", CHANNEL);
        }
        reload("the whole projection", projection::reloadAll, fullReloads);
    }

    @Enforces("3.4.j")
    private void onNotify(String payload) {
        if (payload != null && payload.startsWith("sync:")) {
            // a source's first complete snapshot in this database (possibly by another replica)
            reload("the whole projection", projection::reloadAll, fullReloads);
            return;
        }
        UUID partnerId;
        try {
            partnerId = UUID.fromString(payload);
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("NOTIFY %s with an unexpected payload ignored: %s", CHANNEL, payload);
            return;
        }
        reload("partner " + partnerId, () -> projection.reloadPartner(partnerId), partnerReloads);
    }

    private void reload(String what, Supplier<Uni<?>> reload, AtomicLong counter) {
        Uni.createFrom().deferred(reload)
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(8)
                .subscribe().with(done -> counter.incrementAndGet(), e -> LOG.errorf(e,
                        "reloading %s after a change failed; the next resync repairs it", what));
    }

    /**
     * The safety net under the notifications: every {@code resync-interval} the whole projection
     * is reloaded from the tables (a change whose reload failed, a connection that died silently).
     */
    @Scheduled(identity = "gateway-projection-reload", every = "${gateway.projection.resync-interval:10M}",
            delayed = "${gateway.projection.resync-interval:10M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> periodicReload() {
        return projection.reloadAll().invoke(n -> fullReloads.incrementAndGet())
                .onFailure().invoke(e -> LOG.warnf("periodic reload of the projection failed (%s)", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** How often LISTEN was (re)established since start (diagnostics and tests). */
    public long subscriptions() {
        return subscriptions.get();
    }

    /** Completed full reloads (after each subscription or a first snapshot). */
    public long fullReloads() {
        return fullReloads.get();
    }

    /** Completed reloads of a single partner (one per notification). */
    public long partnerReloads() {
        return partnerReloads.get();
    }
}

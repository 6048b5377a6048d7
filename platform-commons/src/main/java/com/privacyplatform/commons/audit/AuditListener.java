package com.privacyplatform.commons.audit;

import com.privacyplatform.commons.db.ListenConnectOptions;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * LISTENs on {@code platform_audit} (NOTIFY fired by the record table's insert trigger at
 * commit), so records are chained within milliseconds instead of waiting for the poll. Reconnects
 * forever, and runs the chainer after each (re)subscription to catch up on what it missed.
 */
final class AuditListener {

    private static final Logger LOG = Logger.getLogger(AuditListener.class);
    static final String CHANNEL = "platform_audit";

    private final PgSubscriber subscriber;

    AuditListener(Vertx vertx, Config config, Runnable onNotify) {
        PgConnectOptions options = ListenConnectOptions.of(config);
        this.subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL)
                .handler(payload -> onNotify.run())
                .subscribeHandler(v -> onNotify.run());
    }

    void start() {
        subscriber.connect().onFailure(e -> LOG.warnf("LISTEN %s not established yet (%s); polling meanwhile",
                CHANNEL, e.getMessage()));
    }

    void stop() {
        subscriber.close();
    }
}

package com.privacyplatform.commons.events;

import com.privacyplatform.commons.db.ListenConnectOptions;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * LISTENs on {@code platform_outbox} (NOTIFY fired by the outbox table's insert trigger at
 * commit), so events leave within milliseconds instead of waiting for the poll. Reconnects
 * forever, and runs the relay after each (re)subscription to catch up on what it missed.
 */
final class OutboxListener {

    private static final Logger LOG = Logger.getLogger(OutboxListener.class);
    static final String CHANNEL = "platform_outbox";

    private final PgSubscriber subscriber;

    OutboxListener(Vertx vertx, Config config, Runnable onNotify) {
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

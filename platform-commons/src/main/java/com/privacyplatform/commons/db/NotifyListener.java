package com.privacyplatform.commons.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * LISTENs on one channel (NOTIFY fired by a table's insert trigger at commit: the outbox's
 * {@code platform_outbox}, the audit records' {@code platform_audit}), so its worker runs within
 * milliseconds instead of waiting for the poll. Reconnects forever, and runs the worker after each
 * (re)subscription as well, to catch up on what it missed; until the first subscription the poll alone
 * drives it.
 */
public final class NotifyListener {

    private static final Logger LOG = Logger.getLogger(NotifyListener.class);

    private final String channel;
    private final PgSubscriber subscriber;

    public NotifyListener(Vertx vertx, Config config, String channel, Runnable onNotify) {
        this.channel = channel;
        this.subscriber = PgSubscriber.subscriber(vertx, ListenConnectOptions.of(config))
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel(channel)
                .handler(payload -> onNotify.run())
                .subscribeHandler(v -> onNotify.run());
    }

    public void start() {
        subscriber.connect().onFailure(e -> LOG.warnf("LISTEN %s not established yet (%s); polling meanwhile",
                channel, e.getMessage()));
    }

    public void stop() {
        subscriber.close();
    }
}

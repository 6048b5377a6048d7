package com.privacyplatform.commons.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The relay's own AMQP connection, in confirm mode, on the RabbitMQ Java client. A batch is sent whole
 * on one channel by one blocking task: every message in order, then the wait for their confirms. If
 * anything fails the connection is closed before the failure is reported, so no message of a failed
 * batch can still leave after it - the batch is sent again, in order, on a new connection (opened by
 * the next batch). The Vert.x client it replaces queued each publish as a task of its own that used
 * whatever channel was current when it ran: after a batch had failed on a dropped connection, its
 * later publishes could still go out on the reconnected channel, ahead of the earlier ones' retry.
 */
final class BrokerConnection {

    /** The client-provided connection name (the broker's connection list). */
    static final String CONNECTION_NAME = "outbox-relay";

    private static final Logger LOG = Logger.getLogger(BrokerConnection.class);

    private final Vertx vertx;
    private final ConnectionFactory factory;
    private final String exchange;
    private Connection connection;
    private volatile Channel channel;

    BrokerConnection(Vertx vertx, Config config, String exchange) {
        this.vertx = vertx;
        this.exchange = exchange;
        this.factory = BrokerFactory.of(config);
        factory.setRequestedHeartbeat(10);
    }

    /** One message of a batch. */
    record Outgoing(String routingKey, AMQP.BasicProperties properties, byte[] body) {
    }

    /** Connects now if not connected (off the event loop); a failure leaves the batch's transaction unopened. */
    Uni<Void> connect() {
        Channel current = channel;
        if (current != null && current.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        return blocking(() -> {
            channel();
            return null;
        });
    }

    /** Publishes {@code batch} in its order on one channel and waits for every confirm (or fails as a whole). */
    Uni<Void> publishConfirmed(List<Outgoing> batch, Duration confirmTimeout) {
        return blocking(() -> {
            send(batch, confirmTimeout.toMillis());
            return null;
        });
    }

    /** Blocking (the shutdown observer's thread): waits for a batch under way, then closes. */
    void stop() {
        close();
    }

    String exchange() {
        return exchange;
    }

    private synchronized void send(List<Outgoing> batch, long timeoutMillis) throws Exception {
        Channel current = channel();
        try {
            for (Outgoing message : batch) {
                current.basicPublish(exchange, message.routingKey(), message.properties(), message.body());
            }
            current.waitForConfirmsOrDie(timeoutMillis);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private synchronized Channel channel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        close();
        connection = factory.newConnection(CONNECTION_NAME);
        try {
            Channel opened = connection.createChannel();
            opened.confirmSelect();
            opened.exchangeDeclare(exchange, "topic", true);
            channel = opened;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        LOG.infof("outbox relay connected to the broker, exchange %s", exchange);
        return channel;
    }

    /**
     * Closes the connection, waiting (up to 2 s) for the broker's close-ok: by then the broker has taken
     * every frame sent on it, so nothing sent on this connection can arrive after what is sent on the next.
     */
    private synchronized void close() {
        Connection closing = connection;
        connection = null;
        channel = null;
        if (closing == null) {
            return;
        }
        try {
            closing.close(2000);
        } catch (IOException | RuntimeException alreadyGone) {
            closing.abort(2000);
        }
    }

    private <T> Uni<T> blocking(java.util.concurrent.Callable<T> work) {
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(work, false).toCompletionStage());
    }
}

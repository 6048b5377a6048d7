package com.privacyplatform.commons.events;

import io.quarkus.arc.Arc;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.quarkus.tls.runtime.config.TlsConfigUtils;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQOptions;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The relay's own AMQP connection, in confirm mode. It reconnects by itself (the Vert.x client's
 * default is "no retries") and re-enables confirms and re-declares the exchange on every connect.
 */
final class BrokerConnection {

    private static final Logger LOG = Logger.getLogger(BrokerConnection.class);

    private final RabbitMQClient client;
    private final String exchange;
    private volatile boolean ready;

    BrokerConnection(Vertx vertx, Config config, String exchange) {
        this.exchange = exchange;
        RabbitMQOptions options = new RabbitMQOptions()
                .setHost(config.getOptionalValue("rabbitmq-host", String.class).orElse("localhost"))
                .setPort(config.getOptionalValue("rabbitmq-port", Integer.class).orElse(5672))
                .setUser(config.getOptionalValue("rabbitmq-username", String.class).orElse("guest"))
                .setPassword(config.getOptionalValue("rabbitmq-password", String.class).orElse("guest"))
                .setVirtualHost(config.getOptionalValue("mp.messaging.connector.smallrye-rabbitmq.virtual-host",
                        String.class).orElse("/"))
                .setAutomaticRecoveryEnabled(false)
                .setReconnectAttempts(Integer.MAX_VALUE)
                .setReconnectInterval(1000)
                .setRequestedHeartbeat(10)
                .setConnectionTimeout(5000);
        tls(options, config);
        this.client = RabbitMQClient.create(vertx, options);
        client.addConnectionEstablishedCallback(promise -> client.confirmSelect()
                .compose(v -> client.exchangeDeclare(exchange, "topic", true, false))
                .onSuccess(v -> {
                    ready = true;
                    LOG.infof("outbox relay connected to the broker, exchange %s", exchange);
                })
                .onComplete(promise));
    }

    /**
     * TLS to the broker where the environment turns it on (3.4.c; Kubernetes prod): the same settings
     * as the messaging connector's - {@code rabbitmq-ssl} and the Quarkus TLS configuration named by
     * {@code mp.messaging.connector.smallrye-rabbitmq.tls-configuration-name} (trusted CA, hostname
     * verification) - so that the relay's connection is never plainer than the consumers'.
     */
    private static void tls(RabbitMQOptions options, Config config) {
        if (!config.getOptionalValue("rabbitmq-ssl", Boolean.class).orElse(false)) {
            return;
        }
        options.setSsl(true);
        config.getOptionalValue("mp.messaging.connector.smallrye-rabbitmq.tls-configuration-name", String.class)
                .ifPresent(name -> TlsConfigUtils.configure(options, Arc.container().instance(TlsConfigurationRegistry.class).get()
                        .get(name).orElseThrow(() -> new IllegalStateException("no TLS configuration " + name
                                + " (quarkus.tls." + name + ".*) for the broker"))));
    }

    Future<Void> start() {
        return client.start();
    }

    Future<Void> stop() {
        ready = false;
        return client.stop();
    }

    boolean isReady() {
        return ready && client.isConnected() && client.isOpenChannel();
    }

    void markBroken() {
        ready = false;
    }

    RabbitMQClient client() {
        return client;
    }

    String exchange() {
        return exchange;
    }
}

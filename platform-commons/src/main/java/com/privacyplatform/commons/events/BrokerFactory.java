package com.privacyplatform.commons.events;

import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.arc.Arc;
import io.quarkus.tls.TlsConfigurationRegistry;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.Config;

/**
 * The platform's own AMQP connections (the outbox relay's, the dead-letter tool's) with the messaging
 * connector's settings: {@code rabbitmq-host/port/username/password}, the connector's virtual host, TLS
 * where it is on. No automatic recovery: each user decides what a lost connection means for its work.
 */
public final class BrokerFactory {

    private BrokerFactory() {
    }

    public static ConnectionFactory of(Config config) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.getOptionalValue("rabbitmq-host", String.class).orElse("localhost"));
        factory.setPort(config.getOptionalValue("rabbitmq-port", Integer.class).orElse(5672));
        factory.setUsername(config.getOptionalValue("rabbitmq-username", String.class).orElse("guest"));
        factory.setPassword(config.getOptionalValue("rabbitmq-password", String.class).orElse("guest"));
        factory.setVirtualHost(config.getOptionalValue("mp.messaging.connector.smallrye-rabbitmq.virtual-host",
                String.class).orElse("/"));
        factory.setConnectionTimeout(5000);
        factory.setAutomaticRecoveryEnabled(false);
        tls(factory, config);
        return factory;
    }

    /**
     * TLS where the environment turns it on (3.4.c; Kubernetes prod: AMQPS only), with the same settings
     * as the messaging connector: {@code rabbitmq-ssl}, the Quarkus TLS configuration named by
     * {@code mp.messaging.connector.smallrye-rabbitmq.tls-configuration-name} (its trusted CA; the JVM's
     * default trust without one), and the broker's host name verified - never plainer than the consumers.
     */
    static void tls(ConnectionFactory factory, Config config) {
        if (!config.getOptionalValue("rabbitmq-ssl", Boolean.class).orElse(false)) {
            return;
        }
        try {
            Optional<String> name = config.getOptionalValue(
                    "mp.messaging.connector.smallrye-rabbitmq.tls-configuration-name", String.class);
            SSLContext context = name.isPresent()
                    ? Arc.container().instance(TlsConfigurationRegistry.class).get().get(name.get())
                            .orElseThrow(() -> new IllegalStateException("no TLS configuration " + name.get()
                                    + " (quarkus.tls." + name.get() + ".*) for the broker"))
                            .createSSLContext()
                    : SSLContext.getDefault();
            factory.useSslProtocol(context);
            factory.enableHostnameVerification();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up TLS to the broker: " + e.getMessage(), e);
        }
    }
}

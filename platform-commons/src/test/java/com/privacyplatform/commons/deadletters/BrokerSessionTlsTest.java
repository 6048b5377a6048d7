package com.privacyplatform.commons.deadletters;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter tool's and the queue gauges' own broker connection is never plainer than the
 * consumers' (3.4.c): with {@code rabbitmq-ssl} on it speaks TLS or nothing. The local broker
 * listens in plain AMQP only, so the TLS handshake must fail there instead of falling back.
 */
class BrokerSessionTlsTest {

    @Test
    void withTlsOnTheSessionRefusesAPlainBroker() throws Exception {
        try (BrokerSession plain = BrokerSession.open(config(false), new ObjectMapper())) {
            // the same broker answers a plain session: what fails below is the TLS, not the broker
        }
        assertThatThrownBy(() -> BrokerSession.open(config(true), new ObjectMapper()).close())
                .isInstanceOfAny(java.io.IOException.class, java.util.concurrent.TimeoutException.class);
    }

    private static Config config(boolean ssl) {
        return new SmallRyeConfigBuilder().withDefaultValue("rabbitmq-ssl", Boolean.toString(ssl))
                .withDefaultValue("rabbitmq-host", "localhost").withDefaultValue("rabbitmq-port", "5672")
                .build();
    }
}

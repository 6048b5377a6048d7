package com.privacyplatform.commons.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** Which queues the dead-letter tool reaches: the service's own RabbitMQ consumers with a dead-letter queue, nothing else. */
class ConsumerQueuesTest {

    @Test
    void onlyRabbitConsumersWithADeadLetterQueueAreReachableUnderTheirConfiguredNames() {
        Config config = new SmallRyeConfigBuilder().withProfile("prod").withSources(new PropertiesConfigSource(Map.of(
                "mp.messaging.incoming.partner-events.connector", "smallrye-rabbitmq",
                "mp.messaging.incoming.partner-events.queue.name", "consent-service.partner-events",
                "mp.messaging.incoming.partner-events.auto-bind-dlq", "true",
                "mp.messaging.incoming.plain.connector", "smallrye-rabbitmq",
                "mp.messaging.incoming.named.connector", "smallrye-rabbitmq",
                "%prod.mp.messaging.incoming.named.auto-bind-dlq", "true",
                "mp.messaging.incoming.named.dead-letter-queue-name", "named.dead",
                "mp.messaging.incoming.memory.connector", "smallrye-in-memory",
                "mp.messaging.incoming.memory.auto-bind-dlq", "true",
                "mp.messaging.outgoing.out.connector", "smallrye-rabbitmq"), "test", 100)).build();
        assertThat(ConsumerQueues.discover(config)).containsExactly(
                new ConsumerQueues.ConsumerQueue("named", "named", "named.dead"),
                new ConsumerQueues.ConsumerQueue("partner-events", "consent-service.partner-events",
                        "consent-service.partner-events.dlq"));
    }
}

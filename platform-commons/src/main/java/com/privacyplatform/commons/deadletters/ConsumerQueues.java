package com.privacyplatform.commons.deadletters;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * The service's own consumer queues that have a dead-letter queue, read from its messaging
 * configuration (active profile): every {@code mp.messaging.incoming.<channel>} on the RabbitMQ
 * connector with {@code auto-bind-dlq=true}. The queue is {@code queue.name} (default: the channel
 * name), its dead-letter queue {@code dead-letter-queue-name} (default: {@code <queue>.dlq}), as the
 * SmallRye RabbitMQ connector declares them. Nothing else is reachable through the dead-letter tool.
 */
@ApplicationScoped
public class ConsumerQueues {

    private static final String PREFIX = "mp.messaging.incoming.";
    private static final String CONNECTOR = ".connector";

    /** One consumer queue: its channel, the queue it consumes, and where its dead letters go. */
    public record ConsumerQueue(String channel, String queue, String deadLetterQueue) {
    }

    private final List<ConsumerQueue> queues;

    public ConsumerQueues(Config config) {
        this.queues = discover(config);
    }

    public List<ConsumerQueue> all() {
        return queues;
    }

    /** The consumer queue named {@code queue} (the queue, not its dead-letter queue). */
    public Optional<ConsumerQueue> byQueue(String queue) {
        return queues.stream().filter(q -> q.queue().equals(queue)).findFirst();
    }

    static List<ConsumerQueue> discover(Config config) {
        TreeSet<String> channels = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            String plain = name.startsWith("%") && name.indexOf('.') > 0 ? name.substring(name.indexOf('.') + 1) : name;
            if (plain.startsWith(PREFIX) && plain.endsWith(CONNECTOR)) {
                channels.add(plain.substring(PREFIX.length(), plain.length() - CONNECTOR.length()));
            }
        }
        List<ConsumerQueue> found = new ArrayList<>();
        for (String channel : channels) {
            String prefix = PREFIX + channel + ".";
            boolean rabbit = config.getOptionalValue(prefix + "connector", String.class)
                    .map("smallrye-rabbitmq"::equals).orElse(false);
            boolean dlq = config.getOptionalValue(prefix + "auto-bind-dlq", Boolean.class).orElse(false);
            if (!rabbit || !dlq) {
                continue;
            }
            String queue = config.getOptionalValue(prefix + "queue.name", String.class).orElse(channel);
            String deadLetterQueue = config.getOptionalValue(prefix + "dead-letter-queue-name", String.class)
                    .orElse(queue + ".dlq");
            found.add(new ConsumerQueue(channel, queue, deadLetterQueue));
        }
        return List.copyOf(found);
    }
}

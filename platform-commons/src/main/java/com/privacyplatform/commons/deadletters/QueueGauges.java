package com.privacyplatform.commons.deadletters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.commons.deadletters.ConsumerQueues.ConsumerQueue;
import com.privacyplatform.commons.metrics.GaugeSource;
import com.privacyplatform.commons.metrics.PlatformGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Per consumer queue of the service ({@link ConsumerQueues}): the messages waiting in it (its lag:
 * the ready count of a passive declare - delivered but unacknowledged messages, those being handled
 * or backing off, are not in it) and the depth of its dead-letter queue. Read on the gauges' interval
 * over one AMQP connection of their own, opened on first use and again after a failure; the label is
 * the queue's name only.
 */
@ApplicationScoped
public class QueueGauges implements GaugeSource {

    private final ConsumerQueues queues;
    private final Config config;
    private final ObjectMapper mapper;
    private BrokerSession session;

    public QueueGauges(ConsumerQueues queues, Config config, ObjectMapper mapper) {
        this.queues = queues;
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public List<PlatformGauge> gauges() {
        List<PlatformGauge> gauges = new ArrayList<>();
        for (ConsumerQueue q : queues.all()) {
            Tags tags = Tags.of("queue", q.queue());
            gauges.add(new PlatformGauge("platform.events.queue.ready", "Messages waiting in a consumer queue"
                    + " (ready, not yet delivered to the consumer)", null, tags, () -> depth(q.queue())));
            gauges.add(new PlatformGauge("platform.events.dlq.depth", "Messages in the dead-letter queue of a"
                    + " consumer queue (./platform dlq)", null, tags, () -> depth(q.deadLetterQueue())));
        }
        return gauges;
    }

    /** A missing queue (not declared yet) reads as 0; the blocking AMQP call runs on a worker thread. */
    private Uni<Double> depth(String queue) {
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                try {
                    if (session == null) {
                        session = BrokerSession.open(config, mapper);
                    }
                    return session.exists(queue) ? (double) session.messageCount(queue) : 0.0;
                } catch (Exception e) {
                    closeSession();
                    throw new IllegalStateException("queue depth of " + queue + " not read: " + e.getMessage(), e);
                }
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (this) {
            closeSession();
        }
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}

package com.privacyplatform.commons.deadletters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.deadletters.ConsumerQueues.ConsumerQueue;
import com.privacyplatform.commons.deadletters.DeadLetterViews.DeadLetterMessagesView;
import com.privacyplatform.commons.deadletters.DeadLetterViews.DeadLetterQueueView;
import com.privacyplatform.commons.deadletters.DeadLetterViews.DeadLetterQueuesView;
import com.privacyplatform.commons.deadletters.DeadLetterViews.DeadLetterSummary;
import com.privacyplatform.commons.deadletters.DeadLetterViews.DeadLetterView;
import com.privacyplatform.commons.deadletters.DeadLetterViews.DeathView;
import com.privacyplatform.commons.deadletters.DeadLetterViews.DiscardView;
import com.privacyplatform.commons.deadletters.DeadLetterViews.ReplayView;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.problem.ProblemType;
import com.privacyplatform.commons.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The dead-letter queues of this service's own consumers ({@link ConsumerQueues}), over AMQP:
 * messages are looked at with basic.get and put back in their order; a replay publishes the message
 * to the queue it failed on only (default exchange, routing key = that queue), never to the topic
 * exchange where every queue bound to its type would get it again; a discard acknowledges it. Both
 * are written to the audit trail; the AMQP work runs on a worker thread.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    static final String TARGET_TYPE = "dead-letter";

    private final ConsumerQueues queues;
    private final DeadLetterConfig config;
    private final Config mpConfig;
    private final ObjectMapper mapper;
    private final AuditTrail audit;
    private final Vertx vertx;
    private final PlatformClock clock;

    public DeadLetters(ConsumerQueues queues, DeadLetterConfig config, Config mpConfig, ObjectMapper mapper,
            AuditTrail audit, Vertx vertx, PlatformClock clock) {
        this.queues = queues;
        this.config = config;
        this.mpConfig = mpConfig;
        this.mapper = mapper;
        this.audit = audit;
        this.vertx = vertx;
        this.clock = clock;
    }

    public Uni<DeadLetterQueuesView> queues() {
        return blocking(() -> {
            List<DeadLetterQueueView> items = new ArrayList<>();
            for (ConsumerQueue q : queues.all()) {
                try (BrokerSession session = open()) {
                    if (!session.exists(q.deadLetterQueue())) {
                        items.add(new DeadLetterQueueView(q.channel(), q.queue(), q.deadLetterQueue(), 0, 0, null, null));
                        continue;
                    }
                    long count = session.messageCount(q.deadLetterQueue());
                    List<DeadLetter> taken = session.take(q.deadLetterQueue(), config.scanLimit());
                    items.add(new DeadLetterQueueView(q.channel(), q.queue(), q.deadLetterQueue(),
                            Math.max(count, taken.size()), taken.size(),
                            taken.isEmpty() ? null : DeadLetterSummary.of(taken.get(0)),
                            taken.isEmpty() ? null : DeadLetterSummary.of(taken.get(taken.size() - 1))));
                }
            }
            return new DeadLetterQueuesView(items);
        });
    }

    public Uni<DeadLetterMessagesView> messages(String queue, int limit) {
        ConsumerQueue q = consumerQueue(queue);
        return blocking(() -> {
            try (BrokerSession session = open()) {
                long count = session.messageCount(q.deadLetterQueue());
                List<DeadLetterSummary> items = session.take(q.deadLetterQueue(), limit).stream()
                        .map(DeadLetterSummary::of).toList();
                return new DeadLetterMessagesView(q.queue(), q.deadLetterQueue(), Math.max(count, items.size()), items);
            }
        });
    }

    public Uni<DeadLetterView> show(String queue, String messageId) {
        ConsumerQueue q = consumerQueue(queue);
        return blocking(() -> {
            try (BrokerSession session = open()) {
                return view(q, held(session, q, messageId));
            }
        });
    }

    /** Publishes the message to the queue it failed on, records it, then takes it off the dead-letter queue. */
    public Uni<ReplayView> replay(String queue, String messageId, AuditActor actor) {
        ConsumerQueue q = consumerQueue(queue);
        Instant now = clock.instant();
        return blocking(() -> {
            BrokerSession session = open();
            try {
                DeadLetter letter = held(session, q, messageId);
                if (letter.failedOn() != null && !q.queue().equals(letter.failedOn())) {
                    throw ProblemException.conflict("the message died on " + letter.failedOn() + ", not on " + q.queue()
                            + "; it is replayed only to the queue it failed on");
                }
                session.messageCount(q.queue()); // the queue exists: a publish to a missing one would be dropped
                session.republish(letter, q.queue(), now);
                return new Held(session, letter);
            } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
                session.close();
                throw e;
            }
        }).chain(held -> Panache.withTransaction(() -> audit.record(actor, "dead-letter.replayed", TARGET_TYPE, messageId,
                        details(q, held.letter(), "replayedTo", q.queue())))
                .chain(() -> blocking(() -> {
                    held.session().ack(held.letter());
                    return new ReplayView(messageId, q.queue(), now);
                }))
                .eventually(() -> blocking(held::close)))
                .invoke(v -> LOG.infof("dead letter %s replayed to %s", messageId, q.queue()));
    }

    /** Records the discard with its reason, then takes the message off the dead-letter queue for good. */
    public Uni<DiscardView> discard(String queue, String messageId, String reason, AuditActor actor) {
        ConsumerQueue q = consumerQueue(queue);
        Instant now = clock.instant();
        return blocking(() -> {
            BrokerSession session = open();
            try {
                return new Held(session, held(session, q, messageId));
            } catch (IOException | RuntimeException e) {
                session.close();
                throw e;
            }
        }).chain(held -> Panache.withTransaction(() -> audit.record(actor, "dead-letter.discarded", TARGET_TYPE, messageId,
                        details(q, held.letter(), "reason", reason)))
                .chain(() -> blocking(() -> {
                    held.session().ack(held.letter());
                    return new DiscardView(messageId, q.deadLetterQueue(), now);
                }))
                .eventually(() -> blocking(held::close)))
                .invoke(v -> LOG.infof("dead letter %s discarded from %s", messageId, q.deadLetterQueue()));
    }

    private record Held(BrokerSession session, DeadLetter letter) {
        Void close() {
            session.close();
            return null;
        }
    }

    private ConsumerQueue consumerQueue(String queue) {
        return queues.byQueue(queue).orElseThrow(() -> ProblemException.notFound("no consumer queue " + queue
                + " of this service has a dead-letter queue; its queues: "
                + queues.all().stream().map(ConsumerQueue::queue).toList()));
    }

    private DeadLetter held(BrokerSession session, ConsumerQueue q, String messageId) throws IOException {
        return session.find(q.deadLetterQueue(), messageId, config.scanLimit()).orElseThrow(() -> ProblemException.notFound(
                "no message " + messageId + " in " + q.deadLetterQueue()));
    }

    private DeadLetterView view(ConsumerQueue q, DeadLetter letter) {
        return new DeadLetterView(letter.key(), q.queue(), q.deadLetterQueue(), letter.eventType(),
                letter.properties().getContentType(), letter.body().length, letter.event() != null,
                letter.event() == null ? null : DeadLetterMasking.masked(letter.event()),
                letter.deaths().stream().map(DeathView::of).toList());
    }

    private String details(ConsumerQueue q, DeadLetter letter, String name, String value) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("queue", q.queue());
        details.put("deadLetterQueue", q.deadLetterQueue());
        details.put("eventType", letter.eventType());
        details.put(name, value);
        return details.toString();
    }

    private BrokerSession open() {
        try {
            return BrokerSession.open(mpConfig, mapper);
        } catch (IOException | TimeoutException e) {
            throw unavailable(e);
        }
    }

    private <T> Uni<T> blocking(Callable<T> work) {
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(() -> {
            try {
                return work.call();
            } catch (ProblemException e) {
                throw e;
            } catch (IOException | TimeoutException e) {
                throw unavailable(e);
            }
        }, false).toCompletionStage());
    }

    private static ProblemException unavailable(Exception e) {
        LOG.warnf("dead-letter tool: the broker did not answer (%s)", e.getClass().getSimpleName());
        return ProblemException.of(ProblemType.SERVICE_UNAVAILABLE, "the message broker did not answer; try again");
    }
}

package com.privacyplatform.commons.retention;

import com.privacyplatform.commons.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Deletes what the platform tables of every service need no longer (docs/data-stores.md): outbox
 * rows sent more than {@code platform.retention.outbox-sent} ago (their payloads carry subject ids)
 * and inbox ids processed more than {@code platform.retention.inbox} ago. Unsent outbox rows are
 * never touched. Batches of {@code batch-size} rows, each in its own transaction, until none is left.
 */
@ApplicationScoped
public class StorePurger {

    private static final Logger LOG = Logger.getLogger(StorePurger.class);

    private final RetentionConfig config;
    private final PlatformClock clock;

    public StorePurger(RetentionConfig config, PlatformClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** What one purge deleted. */
    public record Purged(long outboxRows, long inboxIds) {
    }

    @Scheduled(identity = "platform-store-purge", every = "${platform.retention.purge-interval:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().replaceWithVoid();
    }

    public Uni<Purged> purge() {
        OffsetDateTime now = clock.now();
        OffsetDateTime sentBefore = now.minus(config.outboxSent());
        OffsetDateTime processedBefore = now.minus(config.inbox());
        return drain("DELETE FROM platform_outbox WHERE seq IN (SELECT seq FROM platform_outbox"
                        + " WHERE sent_at < :before ORDER BY sent_at LIMIT :limit)", sentBefore, 0)
                .chain(outbox -> drain("DELETE FROM platform_inbox WHERE (consumer, event_id) IN"
                                + " (SELECT consumer, event_id FROM platform_inbox WHERE processed_at < :before"
                                + " ORDER BY processed_at LIMIT :limit)", processedBefore, 0)
                        .map(inbox -> new Purged(outbox, inbox)))
                .invoke(p -> {
                    if (p.outboxRows() > 0 || p.inboxIds() > 0) {
                        LOG.infof("purged %d sent outbox row(s) and %d inbox id(s) past their retention",
                                p.outboxRows(), p.inboxIds());
                    }
                });
    }

    private Uni<Long> drain(String sql, OffsetDateTime before, long deletedSoFar) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(sql)
                        .setParameter("before", before)
                        .setParameter("limit", config.batchSize())
                        .executeUpdate()))
                .chain(deleted -> deleted < config.batchSize()
                        ? Uni.createFrom().item(deletedSoFar + deleted)
                        : drain(sql, before, deletedSoFar + deleted));
    }
}

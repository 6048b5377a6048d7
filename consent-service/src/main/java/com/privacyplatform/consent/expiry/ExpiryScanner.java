package com.privacyplatform.consent.expiry;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.consent.config.ConsentConfig;
import com.privacyplatform.consent.record.Cause;
import com.privacyplatform.consent.record.Consent;
import com.privacyplatform.consent.record.ConsentEvents;
import com.privacyplatform.consent.record.ConsentRepository;
import com.privacyplatform.consent.record.ConsentState;
import com.privacyplatform.consent.record.HistoryEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Marks GRANTED consents past their expiry EXPIRED and emits {@code consent.expired}, in batches.
 * Safe to run on several replicas at once: due rows are locked with SKIP LOCKED, only GRANTED
 * rows move, and a final state never moves again (database trigger). The check does not wait
 * for this scan: it treats a past expiry as expired already.
 */
@ApplicationScoped
public class ExpiryScanner {

    private static final AuditActor SCANNER = AuditActor.system("consent-service");

    private final ConsentRepository consents;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final int batchSize;
    private final PlatformClock clock;

    public ExpiryScanner(ConsentRepository consents, Outbox outbox, AuditTrail audit, ConsentConfig config,
            PlatformClock clock) {
        this.consents = consents;
        this.outbox = outbox;
        this.audit = audit;
        this.batchSize = config.expiry().batchSize();
        this.clock = clock;
    }

    @Scheduled(identity = "consent-expiry-scan", every = "${consent.expiry.every:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scan().replaceWithVoid();
    }

    /** Expires everything due, batch after batch; returns how many consents expired. */
    public Uni<Integer> scan() {
        return Panache.withTransaction(this::expireBatch)
                .chain(n -> n < batchSize ? Uni.createFrom().item(n) : scan().map(more -> n + more));
    }

    @Enforces(value = "3.2.a", note = "an expired consent no longer allows processing")
    Uni<Integer> expireBatch() {
        OffsetDateTime now = clock.now();
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT id FROM consent WHERE state = 'GRANTED'"
                                + " AND expires_at <= :now ORDER BY expires_at LIMIT :n FOR UPDATE SKIP LOCKED", UUID.class)
                        .setParameter("now", now).setParameter("n", batchSize).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Consent>of())
                        : consents.list("id in ?1 order by expiresAt", ids))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(c -> expire(c, now))
                        .collect().asList().map(List::size));
    }

    private Uni<Consent> expire(Consent c, OffsetDateTime now) {
        c.state = ConsentState.EXPIRED;
        c.stateChangedAt = now;
        return HistoryEntry.of(c, ConsentState.GRANTED, Cause.EXPIRY, "expired at " + c.expiresAt.toInstant(),
                        SCANNER, null, now).persist()
                .call(() -> outbox.publish(ConsentEvents.EXPIRED, c.id.toString(), new ConsentEvents.Expired(c.id,
                        c.partnerId, c.subjectId, c.purpose, List.of(c.categories), c.expiresAt.toInstant(),
                        now.toInstant())))
                .call(() -> audit.record(SCANNER, "consent.expired", "consent", c.id.toString(), null))
                .replaceWith(c);
    }
}

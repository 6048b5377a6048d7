package com.privacyplatform.breach.emergency;

import com.privacyplatform.breach.text.TextRedactor;
import com.privacyplatform.breach.timeline.TimelineKind;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Ends orders whose expiry passed and tells the gateway ({@code partner.interface-restored},
 * reason EXPIRED) exactly once: the state change claims the order, and the event commits with it.
 */
@ApplicationScoped
public class EmergencyOrderExpiryScanner {

    static final int BATCH = 500;
    private static final AuditActor SCANNER = AuditActor.system("breach-service");

    private final EmergencyOrderRepository orders;
    private final EmergencyOrderService service;
    private final Outbox outbox;
    private final PlatformClock clock;

    public EmergencyOrderExpiryScanner(EmergencyOrderRepository orders, EmergencyOrderService service, Outbox outbox,
            PlatformClock clock) {
        this.orders = orders;
        this.service = service;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(identity = "emergency-order-expiry-scan", every = "${breach.orders.expiry-scan-every}",
            delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scan().replaceWithVoid();
    }

    /** One scan in its own transaction; returns how many orders it ended. */
    @Enforces(value = "3.4.j", note = "temporary measures end at their expiry, and the gateway is told")
    public Uni<Integer> scan() {
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> orders.expiredButActive(now, BATCH).chain(list -> expire(list, now)));
    }

    private Uni<Integer> expire(List<EmergencyOrder> list, OffsetDateTime now) {
        return Multi.createFrom().iterable(list)
                .onItem().transformToUniAndConcatenate(o -> orders.claimExpiry(o.id, now, SCANNER.actor())
                        .chain(claimed -> claimed ? restored(o, now).replaceWith(true) : Uni.createFrom().item(false)))
                .collect().asList()
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Void> restored(EmergencyOrder o, OffsetDateTime now) {
        // the row was ended by claimExpiry; the managed copy stays untouched (its version is stale now)
        return outbox.publish(RestrictionEvents.RESTORED, o.partnerId.toString(), new RestrictionEvents.Restored(o.id,
                        o.partnerId, o.kind, RestrictionEvents.RestoreReason.EXPIRED,
                        TextRedactor.redact("expired at " + o.expiresAt.toInstant()), now.toInstant()))
                .chain(() -> service.record(o, SCANNER, TimelineKind.EMERGENCY_EXPIRED, o.kind + " expired at "
                        + o.expiresAt.toInstant(), null));
    }
}

package com.privacyplatform.registry.inspection;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.overdue.OverdueNotices;
import com.privacyplatform.commons.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 3.4.e: finds partners whose self-inspection is past due and emits {@code partner.inspection-overdue}
 * once per due date. The notice row and the outbox event are written in one transaction, and the
 * row's primary key makes concurrent scans (other replicas, an overlapping run) emit nothing twice.
 */
@ApplicationScoped
public class InspectionOverdueScanner {

    static final String KIND = "self-inspection";
    static final int BATCH = 500;
    private static final AuditActor SCANNER = AuditActor.system("partner-registry-service");

    private final InspectionDueQueries due;
    private final OverdueNotices notices;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;

    public InspectionOverdueScanner(InspectionDueQueries due, OverdueNotices notices, Outbox outbox,
            AuditTrail audit, PlatformClock clock) {
        this.due = due;
        this.notices = notices;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(identity = "inspection-overdue-scan", every = "${registry.overdue-scan:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scan().replaceWithVoid();
    }

    /** Runs one scan in its own transaction; returns how many notices it emitted. */
    public Uni<Integer> scan() {
        return Panache.withTransaction(this::emitDueNotices);
    }

    /** One scan in the caller's transaction (at most {@value #BATCH} notices; the next run continues). */
    @Enforces(value = "3.4.e", note = "overdue self-inspections are announced once per due date")
    public Uni<Integer> emitDueNotices() {
        LocalDate today = clock.today();
        return due.overdueWithoutNotice(today, BATCH)
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(this::emit) // one session: never concurrently
                .collect().asList()
                .map(emitted -> (int) emitted.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> emit(InspectionDue overdue) {
        UUID partnerId = overdue.partnerId();
        InspectionEvents.InspectionOverdue data = new InspectionEvents.InspectionOverdue(partnerId,
                overdue.dueOn(), overdue.lastPeriodEnd());
        return notices.claim(KIND, partnerId, overdue.dueOn(), partnerId, clock.now()).chain(claimed -> !claimed
                ? Uni.createFrom().item(false)
                : outbox.publish(InspectionEvents.OVERDUE, partnerId.toString(), data)
                        .call(eventId -> notices.attach(KIND, partnerId, overdue.dueOn(), eventId))
                        .call(eventId -> audit.record(SCANNER, "self-inspection.overdue-notified", "partner",
                                partnerId.toString(), "{\"dueOn\":\"" + overdue.dueOn() + "\"}"))
                        .replaceWith(true));
    }
}

package com.privacyplatform.registry.assessment;

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

/**
 * 4.3: finds audit findings past their rectification deadline that still await the partner and
 * emits {@code partner.audit-finding-overdue} once per finding, in one transaction with its
 * dedupe mark (see {@link OverdueNotices}).
 */
@ApplicationScoped
public class FindingOverdueScanner {

    public static final String KIND = "audit-finding";
    static final int BATCH = 500;
    private static final AuditActor SCANNER = AuditActor.system("partner-registry-service");

    private final FindingRepository findings;
    private final OverdueNotices notices;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;

    public FindingOverdueScanner(FindingRepository findings, OverdueNotices notices, Outbox outbox, AuditTrail audit,
            PlatformClock clock) {
        this.findings = findings;
        this.notices = notices;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(identity = "audit-finding-overdue-scan", every = "${registry.overdue-scan:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scan().replaceWithVoid();
    }

    /** Runs one scan in its own transaction; returns how many notices it emitted. */
    public Uni<Integer> scan() {
        return Panache.withTransaction(this::emitDueNotices);
    }

    /** One scan in the caller's transaction (at most {@value #BATCH} notices; the next run continues). */
    @Enforces(value = "4.3", note = "findings past their rectification deadline are announced once")
    public Uni<Integer> emitDueNotices() {
        return findings.overdueWithoutNotice(clock.today(), BATCH)
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(this::emit) // one session: never concurrently
                .collect().asList()
                .map(emitted -> (int) emitted.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> emit(AuditFinding f) {
        AssessmentEvents.AuditFindingOverdue data = new AssessmentEvents.AuditFindingOverdue(f.partnerId,
                f.assessmentId, f.id, f.severity, f.material, f.rectificationDue);
        return notices.claim(KIND, f.id, f.rectificationDue, f.partnerId, clock.now()).chain(claimed -> !claimed
                ? Uni.createFrom().item(false)
                : outbox.publish(AssessmentEvents.FINDING_OVERDUE, f.partnerId.toString(), data)
                        .call(eventId -> notices.attach(KIND, f.id, f.rectificationDue, eventId))
                        .call(eventId -> audit.record(SCANNER, "audit-finding.overdue-notified", "audit-finding",
                                f.id.toString(), "{\"rectificationDue\":\"" + f.rectificationDue + "\"}"))
                        .replaceWith(true));
    }
}

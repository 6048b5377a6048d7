package com.privacyplatform.breach.duty;

import com.privacyplatform.breach.config.BreachConfig;
import com.privacyplatform.breach.incident.IncidentRepository;
import com.privacyplatform.breach.timeline.Timeline;
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
import java.util.Map;

/**
 * Escalates pending duties: {@code breach.duty-due} when one enters its warning window,
 * {@code breach.duty-lapsed} once it is past due - each exactly once per duty. The once-only mark
 * on the duty row, the outbox event and the timeline entry commit in one transaction; a concurrent
 * scan (another replica) blocks on the row and then finds the mark set. A duty first seen after it
 * lapsed gets only the lapse.
 */
@ApplicationScoped
public class DutyEscalationScanner {

    private static final AuditActor SCANNER = AuditActor.system("breach-service");

    private final DutyRepository duties;
    private final IncidentRepository incidents;
    private final Timeline timeline;
    private final Outbox outbox;
    private final BreachConfig config;
    private final PlatformClock clock;

    public DutyEscalationScanner(DutyRepository duties, IncidentRepository incidents, Timeline timeline, Outbox outbox,
            BreachConfig config, PlatformClock clock) {
        this.duties = duties;
        this.incidents = incidents;
        this.timeline = timeline;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "duty-escalation-scan", every = "${breach.duties.scan-every}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scan().replaceWithVoid();
    }

    /** One scan in its own transaction; returns how many escalation events it emitted. */
    @Enforces(value = "5.1", note = "notification duties escalate when about to lapse and when lapsed")
    public Uni<Integer> scan() {
        OffsetDateTime now = clock.now();
        int batch = config.duties().scanBatch();
        return Panache.withTransaction(() -> duties.lapsedWithoutNotice(now, batch)
                .chain(lapsed -> escalate(lapsed, true, now))
                .chain(lapsedCount -> duties.dueWithoutNotice(now, batch)
                        .chain(due -> escalate(due, false, now))
                        .map(dueCount -> lapsedCount + dueCount)));
    }

    private Uni<Integer> escalate(List<NotificationDuty> list, boolean lapsed, OffsetDateTime now) {
        return Multi.createFrom().iterable(list)
                .onItem().transformToUniAndConcatenate(d -> emit(d, lapsed, now)) // one session: never concurrently
                .collect().asList()
                .map(emitted -> (int) emitted.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> emit(NotificationDuty d, boolean lapsed, OffsetDateTime now) {
        return duties.claimNotice(d.id, lapsed, now).chain(claimed -> !claimed ? Uni.createFrom().item(false)
                : incidents.findById(d.incidentId).chain(incident -> {
                    DutyEvents.DutyNotice notice = new DutyEvents.DutyNotice(d.incidentId, incident.partnerId, d.id,
                            d.ruleId, d.regime, d.jurisdictions(), d.recipient, d.source, d.dueAt.toInstant(),
                            now.toInstant());
                    String summary = d.ruleId + " (" + d.source + ") " + (lapsed ? "lapsed: was due "
                            : "about to lapse: due ") + d.dueAt.toInstant();
                    return outbox.publish(lapsed ? DutyEvents.LAPSED : DutyEvents.DUE, d.incidentId.toString(), notice)
                            .chain(() -> timeline.append(d.incidentId, SCANNER,
                                    lapsed ? TimelineKind.DUTY_LAPSED : TimelineKind.DUTY_DUE, summary, null,
                                    Map.of("dutyId", d.id, "ruleId", d.ruleId)))
                            .replaceWith(true);
                }));
    }
}

package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.duty.DutyRepository;
import com.privacyplatform.breach.duty.NotificationDuty;
import com.privacyplatform.breach.timeline.Timeline;
import com.privacyplatform.breach.timeline.TimelineKind;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Closing an incident: only with a remediation summary, and only when no notification duty is
 * still pending (complete or waive it first). Publishes {@code breach.closed}.
 */
@ApplicationScoped
public class IncidentClosure {

    private final IncidentService incidents;
    private final DutyRepository duties;
    private final Timeline timeline;
    private final Outbox outbox;
    private final Changes changes;
    private final Caller caller;
    private final PlatformClock clock;

    public IncidentClosure(IncidentService incidents, DutyRepository duties, Timeline timeline, Outbox outbox,
            Changes changes, Caller caller, PlatformClock clock) {
        this.incidents = incidents;
        this.changes = changes;
        this.duties = duties;
        this.timeline = timeline;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    public Uni<Incident> close(UUID id, String ifMatch, String remediationSummary) {
        AuditActor actor = caller.auditActor();
        return changes.apply(incidents.loadOpen(id), i -> i.version, ifMatch,
                i -> Changes.trailedBy(duties.forIncident(i.id).chain(list -> {
                    var pending = list.stream().filter(NotificationDuty::isPending).map(d -> d.ruleId).toList();
                    if (!pending.isEmpty()) {
                        throw ProblemException.of(409, "duties-pending", "Notification duties still pending",
                                "complete or waive the pending duties first: " + String.join(", ", pending));
                    }
                    i.state = IncidentState.CLOSED;
                    i.closedAt = clock.now();
                    i.closedBy = actor.actor();
                    i.remediationSummary = remediationSummary.strip();
                    i.updatedAt = i.closedAt;
                    return timeline.append(i.id, actor, TimelineKind.CLOSED, "closed with a remediation summary",
                                    i.remediationSummary, null)
                            .chain(() -> outbox.publish(IncidentEvents.CLOSED, i.id.toString(),
                                    new IncidentEvents.Closed(i.id, i.partnerId, i.kind, i.severity, i.lateReport,
                                            i.reportedAt.toInstant(), i.closedAt.toInstant())));
                })));
    }
}

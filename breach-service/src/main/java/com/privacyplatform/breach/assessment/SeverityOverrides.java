package com.privacyplatform.breach.assessment;

import com.privacyplatform.breach.incident.Incident;
import com.privacyplatform.breach.incident.IncidentRequests.SeverityOverrideRequest;
import com.privacyplatform.breach.incident.IncidentService;
import com.privacyplatform.breach.timeline.Timeline;
import com.privacyplatform.breach.timeline.TimelineKind;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.time.PlatformClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An officer's override of the derived severity, with a justification. It becomes the effective
 * severity (and so decides "high risk" duties) until the next override; later updates still
 * re-derive and show the derived severity next to it.
 */
@ApplicationScoped
public class SeverityOverrides {

    private final IncidentService incidents;
    private final Timeline timeline;
    private final Caller caller;
    private final PlatformClock clock;
    private final Changes changes;

    public SeverityOverrides(IncidentService incidents, Timeline timeline, Caller caller, PlatformClock clock,
            Changes changes) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.caller = caller;
        this.clock = clock;
        this.changes = changes;
    }

    public Uni<Incident> override(UUID id, String ifMatch, SeverityOverrideRequest request) {
        AuditActor actor = caller.auditActor();
        return changes.apply(incidents.loadOpen(id), i -> i.version, ifMatch, i -> {
            Severity before = i.severity;
            i.overrideSeverity = request.severity();
            i.overrideJustification = request.justification().strip();
            i.overriddenBy = actor.actor();
            i.overriddenAt = clock.now();
            i.severity = request.severity();
            i.updatedAt = i.overriddenAt;
            return Changes.trailedBy(timeline.append(i.id, actor, TimelineKind.SEVERITY_OVERRIDDEN, "severity set to "
                            + i.severity + " by an officer (was " + before + ", derived " + i.derivedSeverity + ")",
                            i.overrideJustification, Map.of("from", before, "to", i.severity))
                    .chain(() -> incidents.changed(i, actor, List.of("severity"))));
        });
    }
}

package com.privacyplatform.breach.duty;

import com.privacyplatform.breach.config.BreachConfig;
import com.privacyplatform.breach.duty.DutyRequests.CompletionRequest;
import com.privacyplatform.breach.incident.Incident;
import com.privacyplatform.breach.timeline.Timeline;
import com.privacyplatform.breach.timeline.TimelineKind;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.commons.time.Utc;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records that a pending duty was done (reference and time) or is not required (an officer's reason). */
@ApplicationScoped
public class DutyService {

    private final DutyRepository duties;
    private final Timeline timeline;
    private final BreachConfig config;
    private final PlatformClock clock;

    public DutyService(DutyRepository duties, Timeline timeline, BreachConfig config, PlatformClock clock) {
        this.duties = duties;
        this.timeline = timeline;
        this.config = config;
        this.clock = clock;
    }

    /** Records that the notification was made; partners for their own incidents, officers for any. */
    public Uni<NotificationDuty> complete(Incident incident, UUID dutyId, CompletionRequest request, AuditActor actor) {
        OffsetDateTime now = clock.now();
        OffsetDateTime completedAt = request.completedAt() == null ? now : Utc.utc(request.completedAt());
        if (completedAt.isAfter(now.plus(config.clockSkew()))) {
            throw invalid("completedAt", "must not be in the future");
        }
        if (completedAt.isBefore(incident.discoveredAt)) {
            throw invalid("completedAt", "must not be before the incident's discoveredAt");
        }
        return pending(incident, dutyId).chain(d -> {
            d.state = DutyState.DONE;
            d.reference = request.reference().strip();
            d.completedAt = completedAt;
            d.decidedBy = actor.actor();
            d.updatedAt = now;
            String lateness = d.isLate() ? " (late: due " + d.dueAt.toInstant() + ")" : "";
            return timeline.append(incident.id, actor, TimelineKind.DUTY_COMPLETED, d.ruleId + " (" + d.source
                            + ") done at " + completedAt.toInstant() + lateness, d.reference,
                            Map.of("dutyId", d.id, "ruleId", d.ruleId, "late", d.isLate()))
                    .replaceWith(d);
        });
    }

    /** An officer decides that a pending duty is not required, with the reason (e.g. an exemption). */
    public Uni<NotificationDuty> waive(Incident incident, UUID dutyId, String reason, AuditActor actor) {
        return pending(incident, dutyId).chain(d -> {
            d.state = DutyState.NOT_REQUIRED;
            d.notRequiredReason = reason.strip();
            d.decidedBy = actor.actor();
            d.updatedAt = clock.now();
            return timeline.append(incident.id, actor, TimelineKind.DUTY_WAIVED, d.ruleId + " (" + d.source
                    + ") waived: not required", d.notRequiredReason, Map.of("dutyId", d.id, "ruleId", d.ruleId))
                    .replaceWith(d);
        });
    }

    private Uni<NotificationDuty> pending(Incident incident, UUID dutyId) {
        return duties.find(incident.id, dutyId).invoke(d -> {
            if (d == null) {
                throw ProblemException.notFound("duty not found");
            }
            if (!d.isPending()) {
                throw ProblemException.conflict("the duty is " + d.state + " already");
            }
        });
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.validation("invalid " + field, List.of(new Problem.FieldError(field, message)));
    }
}

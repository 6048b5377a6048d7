package com.privacyplatform.breach.duty;

import com.privacyplatform.breach.incident.Incident;
import com.privacyplatform.breach.incident.IncidentFacts;
import com.privacyplatform.breach.support.JsonColumns;
import com.privacyplatform.breach.support.Unis;
import com.privacyplatform.breach.timeline.Timeline;
import com.privacyplatform.breach.timeline.TimelineKind;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.time.PlatformClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Keeps an incident's duties in line with its facts and effective severity: plans missing ones,
 * and moves the states the rules decide (PENDING <-> NOT_REQUIRED by "system") when facts or
 * severity change. What a person decided - done, or waived by an officer - stays. Every change
 * is a timeline entry.
 */
@ApplicationScoped
public class DutyReconciler {

    private final DutyPlanner planner;
    private final DutyCatalog catalog;
    private final DutyRepository duties;
    private final Timeline timeline;
    private final PlatformClock clock;

    public DutyReconciler(DutyPlanner planner, DutyCatalog catalog, DutyRepository duties, Timeline timeline,
            PlatformClock clock) {
        this.planner = planner;
        this.catalog = catalog;
        this.duties = duties;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Call inside a transaction, after the incident's facts or severity changed. */
    public Uni<Void> reconcile(Incident incident, AuditActor actor) {
        List<PlannedDuty> plan = planner.plan(IncidentFacts.of(incident), incident.severity);
        return duties.forIncident(incident.id).chain(existing -> {
            Map<String, NotificationDuty> byRule = existing.stream()
                    .collect(Collectors.toMap(d -> d.ruleId, Function.identity()));
            Set<String> planned = plan.stream().map(p -> p.rule().id()).collect(Collectors.toSet());
            List<Supplier<Uni<?>>> steps = new ArrayList<>();
            for (PlannedDuty p : plan) {
                NotificationDuty d = byRule.get(p.rule().id());
                steps.add(d == null ? () -> create(incident, p, actor) : () -> adjust(incident, d, p, actor));
            }
            existing.stream().filter(d -> !planned.contains(d.ruleId) && d.isPending())
                    .forEach(d -> steps.add(() -> systemNotRequired(incident, d, "no affected subjects in a "
                            + d.regime + " jurisdiction any more", actor)));
            return Unis.sequentially(steps);
        });
    }

    @Enforces(value = "5.1", note = "the platform's own rule: a report later than the grace after discoveredAt is late")
    private Uni<Void> create(Incident incident, PlannedDuty p, AuditActor actor) {
        NotificationDuty d = new NotificationDuty();
        d.id = Ids.newId();
        d.incidentId = incident.id;
        d.ruleId = p.rule().id();
        d.ruleVersion = catalog.version();
        d.regime = p.regime();
        d.jurisdictions = JsonColumns.write(p.jurisdictions());
        d.recipient = p.rule().recipient();
        d.title = p.rule().title();
        d.source = p.rule().source();
        d.window = p.window().toString();
        d.windowBasis = p.rule().windowBasis();
        d.dueAt = p.dueAt();
        d.warnAt = p.warnAt();
        d.createdAt = clock.now();
        d.updatedAt = d.createdAt;
        if (p.fulfilledByReport()) {
            // 5.1: the report itself is the notification of the platform; late when past the grace
            d.state = DutyState.DONE;
            d.reference = "incident report " + incident.id;
            d.completedAt = incident.reportedAt;
            d.decidedBy = NotificationDuty.SYSTEM;
        } else if (p.required()) {
            d.state = DutyState.PENDING;
        } else {
            d.state = DutyState.NOT_REQUIRED;
            d.notRequiredReason = p.notRequiredReason();
            d.decidedBy = NotificationDuty.SYSTEM;
        }
        return duties.persist(d).chain(() -> timeline.append(incident.id, actor, TimelineKind.DUTY_PLANNED,
                describe(d), null, Map.of("dutyId", d.id, "ruleId", d.ruleId, "state", d.state,
                        "dueAt", d.dueAt.toInstant().toString()))).replaceWithVoid();
    }

    private Uni<Void> adjust(Incident incident, NotificationDuty d, PlannedDuty p, AuditActor actor) {
        d.jurisdictions = JsonColumns.write(p.jurisdictions());
        if (d.isPending() && !p.required()) {
            return systemNotRequired(incident, d, p.notRequiredReason(), actor);
        }
        if (d.state == DutyState.NOT_REQUIRED && d.isSystemDecided() && p.required()) {
            d.state = DutyState.PENDING;
            d.notRequiredReason = null;
            d.decidedBy = null;
            d.updatedAt = clock.now();
            return timeline.append(incident.id, actor, TimelineKind.DUTY_REQUIRED, d.ruleId + " (" + d.source
                    + ") is required after all: due " + d.dueAt.toInstant(), null, Map.of("dutyId", d.id))
                    .replaceWithVoid();
        }
        if (d.state == DutyState.NOT_REQUIRED && d.isSystemDecided()) {
            d.notRequiredReason = p.notRequiredReason(); // the current reason, e.g. encrypted instead of low risk
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> systemNotRequired(Incident incident, NotificationDuty d, String reason, AuditActor actor) {
        d.state = DutyState.NOT_REQUIRED;
        d.notRequiredReason = reason;
        d.decidedBy = NotificationDuty.SYSTEM;
        d.updatedAt = clock.now();
        return timeline.append(incident.id, actor, TimelineKind.DUTY_NOT_REQUIRED, d.ruleId + " (" + d.source
                + ") not required: " + reason, null, Map.of("dutyId", d.id)).replaceWithVoid();
    }

    private static String describe(NotificationDuty d) {
        String what = d.ruleId + " (" + d.source + ") " + d.title + ", due " + d.dueAt.toInstant() + ": " + d.state;
        return switch (d.state) {
            case DONE -> what + (d.isLate() ? " - late report to the platform (5.1)" : "");
            case NOT_REQUIRED -> what + " - " + d.notRequiredReason;
            case PENDING -> what;
        };
    }

}

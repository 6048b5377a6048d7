package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.assessment.Assessment;
import com.privacyplatform.breach.assessment.SeverityRules;
import com.privacyplatform.breach.config.BreachConfig;
import com.privacyplatform.breach.duty.DutyReconciler;
import com.privacyplatform.breach.incident.IncidentRequests.ReportRequest;
import com.privacyplatform.breach.support.JsonColumns;
import com.privacyplatform.breach.timeline.Timeline;
import com.privacyplatform.breach.timeline.TimelineEntry;
import com.privacyplatform.breach.timeline.TimelineKind;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.commons.time.Utc;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reporting an incident (5.1) and the shared steps of every change: loading with tenancy (3.4.f),
 * re-assessing severity, re-planning duties, and publishing {@code breach.updated}.
 */
@ApplicationScoped
public class IncidentService {

    private final IncidentRepository incidents;
    private final IncidentValidation validation;
    private final SeverityRules severityRules;
    private final DutyReconciler duties;
    private final Timeline timeline;
    private final Outbox outbox;
    private final Caller caller;
    private final BreachConfig config;
    private final PlatformClock clock;

    public IncidentService(IncidentRepository incidents, IncidentValidation validation, SeverityRules severityRules,
            DutyReconciler duties, Timeline timeline, Outbox outbox, Caller caller, BreachConfig config,
            PlatformClock clock) {
        this.incidents = incidents;
        this.validation = validation;
        this.severityRules = severityRules;
        this.duties = duties;
        this.timeline = timeline;
        this.outbox = outbox;
        this.caller = caller;
        this.config = config;
        this.clock = clock;
    }

    /** 5.1: the partner notifies the platform; a report later than the grace after discoveredAt is flagged. */
    @Enforces(value = {"5.1", "5.1.a", "5.1.b"}, note = "partners report violations and breaches; late reports flagged")
    public Uni<Incident> report(ReportRequest request) {
        UUID partnerId = caller.requirePartnerId();
        OffsetDateTime now = clock.now();
        IncidentValidation.Errors errors = validation.start();
        List<String> categories = errors.categories(request.categories());
        List<String> jurisdictions = errors.jurisdictions(request.jurisdictions());
        errors.notInFuture("discoveredAt", request.discoveredAt(), now);
        errors.notInFuture("occurredAt", request.occurredAt(), now);
        errors.occurredNotAfterDiscovered(request.occurredAt(), request.discoveredAt());
        errors.throwIfAny();

        Incident i = new Incident();
        i.id = Ids.newId();
        i.partnerId = partnerId;
        i.kind = request.kind();
        i.state = IncidentState.OPEN;
        i.discoveredAt = Utc.utc(request.discoveredAt());
        i.occurredAt = Utc.utc(request.occurredAt());
        i.reportedAt = now;
        i.lateReport = reportDelay(i).compareTo(config.platformReportGrace()) > 0;
        i.description = request.description().strip();
        i.categories(categories);
        i.affectedSubjects = request.affectedSubjects();
        i.sensitiveData = request.sensitiveDataInvolved();
        i.dataEncrypted = request.dataEncrypted();
        i.containmentMeasures = blankToNull(request.containmentMeasures());
        i.jurisdictions(jurisdictions);
        i.createdAt = now;
        i.updatedAt = now;
        assess(i);
        AuditActor actor = caller.auditActor();
        return incidents.persist(i)
                .chain(() -> timeline.append(i.id, actor, TimelineKind.REPORTED, i.kind + " reported: discovered "
                        + i.discoveredAt.toInstant() + ", " + categories.size() + " categor(ies), "
                        + (i.affectedSubjects == null ? "unknown number of" : i.affectedSubjects)
                        + " affected subject(s), jurisdictions " + jurisdictions, reportNote(i), null))
                .chain(() -> i.lateReport ? timeline.append(i.id, AuditActor.system("breach-service"),
                        TimelineKind.LATE_REPORT_FLAGGED, "late report (5.1): reported " + reportDelay(i)
                                + " after discovery; the platform allows " + config.platformReportGrace(), null,
                        Map.of("reportDelay", reportDelay(i).toString())) : Uni.createFrom().<TimelineEntry>nullItem())
                .chain(() -> assessed(i, actor))
                .chain(() -> duties.reconcile(i, actor))
                .chain(() -> outbox.publish(IncidentEvents.REPORTED, i.id.toString(), new IncidentEvents.Reported(
                        i.id, i.partnerId, i.kind, i.severity, i.lateReport, i.discoveredAt.toInstant(),
                        i.reportedAt.toInstant(), reportDelay(i).toString(), categories, i.affectedSubjects,
                        jurisdictions)))
                .replaceWith(i);
    }

    /** Loads an incident the caller may see (3.4.f); another partner's incident is a 404. */
    public Uni<Incident> load(UUID id) {
        return incidents.findById(id).invoke(i -> caller.requireVisible(i != null && caller.maySeePartner(i.partnerId),
                "incident"));
    }

    /** Loads an incident for a change: visible, still OPEN. */
    public Uni<Incident> loadOpen(UUID id) {
        return load(id).invoke(IncidentService::requireOpen);
    }

    /** Re-derives severity from the facts; the effective severity stays an officer's override when there is one. */
    public void assess(Incident i) {
        Assessment a = severityRules.assess(IncidentFacts.of(i));
        i.derivedSeverity = a.severity();
        i.severityReasons = JsonColumns.write(a.reasons());
        i.severity = i.overrideSeverity != null ? i.overrideSeverity : a.severity();
    }

    /** A timeline entry with the derived severity and its reasons. */
    public Uni<Void> assessed(Incident i, AuditActor actor) {
        return timeline.append(i.id, actor, TimelineKind.SEVERITY_ASSESSED, "derived severity " + i.derivedSeverity
                + (i.overrideSeverity != null ? " (officer's override " + i.overrideSeverity + " stays)" : ""), null,
                Map.of("derivedSeverity", i.derivedSeverity, "reasons", i.severityReasons())).replaceWithVoid();
    }

    /** After a change: duties re-planned, {@code breach.updated} published, the new version flushed. */
    public Uni<Incident> changed(Incident i, AuditActor actor, List<String> changedFields) {
        return duties.reconcile(i, actor)
                .chain(() -> outbox.publish(IncidentEvents.UPDATED, i.id.toString(), new IncidentEvents.Updated(i.id,
                        i.partnerId, i.kind, i.severity, i.lateReport, changedFields, i.updateCount,
                        i.updatedAt.toInstant())))
                .chain(incidents::flush)
                .replaceWith(i);
    }

    /** reportedAt - discoveredAt, to the second. */
    public static Duration reportDelay(Incident i) {
        return Duration.between(i.discoveredAt, i.reportedAt).truncatedTo(ChronoUnit.SECONDS);
    }

    public static void requireOpen(Incident i) {
        if (!i.isOpen()) {
            throw ProblemException.conflict("the incident is CLOSED");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String reportNote(Incident i) {
        return i.containmentMeasures == null ? i.description
                : i.description + "\n\nContainment: " + i.containmentMeasures;
    }
}

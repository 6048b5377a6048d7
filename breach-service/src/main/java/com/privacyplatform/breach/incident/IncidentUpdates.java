package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.assessment.Severity;
import com.privacyplatform.breach.incident.IncidentRequests.UpdateRequest;
import com.privacyplatform.breach.timeline.Timeline;
import com.privacyplatform.breach.timeline.TimelineKind;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.commons.time.Utc;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Phased reporting (GDPR Art. 33(4), 5.1): the partner adds facts as it learns them. Fields sent
 * replace the current ones; each update is a timeline entry with what changed (old -> new) and the
 * partner's note, then severity is re-derived and the duties re-planned.
 */
@ApplicationScoped
public class IncidentUpdates {

    private final IncidentService incidents;
    private final IncidentValidation validation;
    private final Timeline timeline;
    private final Caller caller;
    private final PlatformClock clock;
    private final Changes changes;

    public IncidentUpdates(IncidentService incidents, IncidentValidation validation, Timeline timeline, Caller caller,
            PlatformClock clock, Changes changes) {
        this.incidents = incidents;
        this.validation = validation;
        this.timeline = timeline;
        this.caller = caller;
        this.clock = clock;
        this.changes = changes;
    }

    @Enforces(value = "5.1", note = "phased reports: later updates add facts")
    public Uni<Incident> update(UUID id, String ifMatch, UpdateRequest request) {
        OffsetDateTime now = clock.now();
        IncidentValidation.Errors errors = validation.start();
        List<String> categories = request.categories() == null ? null : errors.categories(request.categories());
        List<String> jurisdictions = request.jurisdictions() == null ? null
                : errors.jurisdictions(request.jurisdictions());
        errors.notInFuture("occurredAt", request.occurredAt(), now);
        errors.throwIfAny();
        AuditActor actor = caller.auditActor();
        return changes.apply(incidents.loadOpen(id), i -> i.version, ifMatch, i -> {
            IncidentValidation.Errors times = validation.start();
            times.occurredNotAfterDiscovered(request.occurredAt(), i.discoveredAt);
            times.throwIfAny();
            Map<String, Object> fields = apply(i, request, categories, jurisdictions);
            Severity derivedBefore = i.derivedSeverity;
            i.updateCount++;
            i.updatedAt = now;
            incidents.assess(i);
            List<String> changed = new ArrayList<>(fields.keySet());
            String summary = "update " + i.updateCount + ": " + (changed.isEmpty() ? "new information, no field"
                    + " changed" : String.join(", ", changed.stream().map(f -> f + " changed").toList()));
            return Changes.trailedBy(timeline.append(i.id, actor, TimelineKind.FACTS_UPDATED, summary,
                            note(request, fields), fields)
                    .chain(() -> i.derivedSeverity != derivedBefore ? incidents.assessed(i, actor)
                            : Uni.createFrom().voidItem())
                    .chain(() -> incidents.changed(i, actor, changed)));
        });
    }

    /** Applies the sent fields; returns field -> {from, to} for structured fields, field -> "replaced" for text. */
    private static Map<String, Object> apply(Incident i, UpdateRequest r, List<String> categories,
            List<String> jurisdictions) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (r.kind() != null && r.kind() != i.kind) {
            changes.put("kind", change(i.kind, r.kind()));
            i.kind = r.kind();
        }
        OffsetDateTime occurredAt = Utc.utc(r.occurredAt());
        if (occurredAt != null && !occurredAt.isEqual(i.occurredAt == null ? OffsetDateTime.MIN : i.occurredAt)) {
            changes.put("occurredAt", change(i.occurredAt == null ? null : i.occurredAt.toInstant().toString(),
                    occurredAt.toInstant().toString()));
            i.occurredAt = occurredAt;
        }
        if (categories != null && !categories.equals(i.categories())) {
            changes.put("categories", change(i.categories(), categories));
            i.categories(categories);
        }
        if (jurisdictions != null && !jurisdictions.equals(i.jurisdictions())) {
            changes.put("jurisdictions", change(i.jurisdictions(), jurisdictions));
            i.jurisdictions(jurisdictions);
        }
        if (r.affectedSubjects() != null && !r.affectedSubjects().equals(i.affectedSubjects)) {
            changes.put("affectedSubjects", change(i.affectedSubjects, r.affectedSubjects()));
            i.affectedSubjects = r.affectedSubjects();
        }
        if (r.sensitiveDataInvolved() != null && r.sensitiveDataInvolved() != i.sensitiveData) {
            changes.put("sensitiveDataInvolved", change(i.sensitiveData, r.sensitiveDataInvolved()));
            i.sensitiveData = r.sensitiveDataInvolved();
        }
        if (r.dataEncrypted() != null && !r.dataEncrypted().equals(i.dataEncrypted)) {
            changes.put("dataEncrypted", change(i.dataEncrypted, r.dataEncrypted()));
            i.dataEncrypted = r.dataEncrypted();
        }
        String description = IncidentService.blankToNull(r.description());
        if (description != null && !description.equals(i.description)) {
            changes.put("description", "replaced");
            i.description = description;
        }
        String containment = IncidentService.blankToNull(r.containmentMeasures());
        if (containment != null && !Objects.equals(containment, i.containmentMeasures)) {
            changes.put("containmentMeasures", "replaced");
            i.containmentMeasures = containment;
        }
        return changes;
    }

    private static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    /** The partner's note, followed by replaced free text so the timeline keeps every version. */
    private static String note(UpdateRequest r, Map<String, Object> changes) {
        StringBuilder note = new StringBuilder(r.note().strip());
        if (changes.containsKey("description")) {
            note.append("\n\nDescription: ").append(r.description().strip());
        }
        if (changes.containsKey("containmentMeasures")) {
            note.append("\n\nContainment: ").append(r.containmentMeasures().strip());
        }
        return note.toString();
    }
}

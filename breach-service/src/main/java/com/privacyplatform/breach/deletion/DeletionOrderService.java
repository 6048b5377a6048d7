package com.privacyplatform.breach.deletion;

import com.privacyplatform.breach.incident.Incident;
import com.privacyplatform.breach.incident.IncidentService;
import com.privacyplatform.breach.incident.IncidentValidation;
import com.privacyplatform.breach.support.JsonColumns;
import com.privacyplatform.breach.text.TextRedactor;
import com.privacyplatform.breach.timeline.Timeline;
import com.privacyplatform.breach.timeline.TimelineKind;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.time.PlatformClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 3.4.j: "promptly delete relevant user information according to [the platform's] requirements". */
@ApplicationScoped
public class DeletionOrderService {

    private final IncidentService incidents;
    private final IncidentValidation validation;
    private final Timeline timeline;
    private final Outbox outbox;
    private final Caller caller;
    private final PlatformClock clock;

    public DeletionOrderService(IncidentService incidents, IncidentValidation validation, Timeline timeline,
            Outbox outbox, Caller caller, PlatformClock clock) {
        this.incidents = incidents;
        this.validation = validation;
        this.timeline = timeline;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    @Enforces(value = "3.4.j", note = "the platform requires deletion of the affected information; dsr-service acts")
    public Uni<DeletionOrder> order(UUID incidentId, DeletionOrderRequest request) {
        IncidentValidation.Errors errors = validation.start();
        List<String> categories = errors.categories(request.categories());
        errors.throwIfAny();
        AuditActor actor = caller.auditActor();
        return incidents.loadOpen(incidentId).chain(i -> {
            DeletionOrder o = newOrder(i, categories, request.reason().strip(), actor);
            return o.persist()
                    .chain(() -> outbox.publish(DeletionEvents.DELETION_ORDERED, i.id.toString(),
                            new DeletionEvents.DeletionOrdered(o.id, i.id, i.partnerId, categories,
                                    TextRedactor.redact(o.reason), o.orderedAt.toInstant())))
                    .chain(() -> timeline.append(i.id, actor, TimelineKind.DELETION_ORDERED, "deletion of "
                            + String.join(", ", categories) + " ordered", o.reason, Map.of("orderId", o.id)))
                    .replaceWith(o);
        });
    }

    public Uni<List<DeletionOrder>> list(Incident incident) {
        return DeletionOrder.list("incidentId = ?1 order by id", incident.id);
    }

    private DeletionOrder newOrder(Incident i, List<String> categories, String reason, AuditActor actor) {
        DeletionOrder o = new DeletionOrder();
        o.id = Ids.newId();
        o.incidentId = i.id;
        o.partnerId = i.partnerId;
        o.categories = JsonColumns.write(categories);
        o.reason = reason;
        o.orderedBy = actor.actor();
        o.orderedAt = clock.now();
        return o;
    }
}

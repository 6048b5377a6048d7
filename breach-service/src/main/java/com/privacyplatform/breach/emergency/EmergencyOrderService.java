package com.privacyplatform.breach.emergency;

import com.privacyplatform.breach.emergency.EmergencyOrderRequests.OrderRequest;
import com.privacyplatform.breach.incident.IncidentRepository;
import com.privacyplatform.breach.text.TextRedactor;
import com.privacyplatform.breach.timeline.Timeline;
import com.privacyplatform.breach.timeline.TimelineKind;
import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.commons.time.Utc;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * 3.4.j / 5.2: the officer closes, restrains or suspends a partner's interface and lifts it again.
 * Each order and each end is an event in the same transaction ({@code partner.interface-restricted},
 * {@code partner.interface-restored}), audited, and on the incident's timeline when it names one.
 */
@ApplicationScoped
public class EmergencyOrderService {

    private final EmergencyOrderRepository orders;
    private final EmergencyOrderValidation validation;
    private final IncidentRepository incidents;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Caller caller;
    private final PlatformClock clock;

    public EmergencyOrderService(EmergencyOrderRepository orders, EmergencyOrderValidation validation,
            IncidentRepository incidents, Timeline timeline, AuditTrail audit, Outbox outbox, Caller caller,
            PlatformClock clock) {
        this.orders = orders;
        this.validation = validation;
        this.incidents = incidents;
        this.timeline = timeline;
        this.audit = audit;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    @Enforces(value = {"3.4.j", "5.2"}, note = "temporary closure, flow/frequency restraint, data access suspension")
    public Uni<EmergencyOrder> order(OrderRequest request) {
        validation.check(request);
        AuditActor actor = caller.auditActor();
        Uni<Void> incidentCheck = request.incidentId() == null ? Uni.createFrom().voidItem()
                : incidents.findById(request.incidentId()).invoke(i -> {
                    if (i == null || !i.partnerId.equals(request.partnerId())) {
                        throw ProblemException.validation("invalid incidentId", List.of(new Problem.FieldError(
                                "incidentId", "is not an incident of this partner")));
                    }
                }).replaceWithVoid();
        return incidentCheck.chain(() -> orders.hasActive(request.partnerId(), request.kind())).chain(active -> {
            if (active) {
                throw ProblemException.conflict("the partner already has an ACTIVE " + request.kind()
                        + " order; lift it before ordering another");
            }
            EmergencyOrder o = newOrder(request, actor);
            return orders.persist(o)
                    .chain(() -> outbox.publish(RestrictionEvents.RESTRICTED, o.partnerId.toString(),
                            new RestrictionEvents.Restricted(o.id, o.partnerId, o.incidentId, o.kind,
                                    o.requestsPerSecond, o.requestsPerPeriod, o.period, Utc.instant(o.expiresAt),
                                    TextRedactor.redact(o.reason), o.orderedAt.toInstant())))
                    .chain(() -> record(o, actor, TimelineKind.EMERGENCY_ORDERED, o.kind + " ordered"
                            + (o.expiresAt == null ? " until lifted" : " until " + o.expiresAt.toInstant()), o.reason))
                    .replaceWith(o);
        });
    }

    public Uni<EmergencyOrder> lift(UUID id, String reason) {
        AuditActor actor = caller.auditActor();
        return load(id).chain(o -> {
            if (!o.isActive()) {
                throw ProblemException.conflict("the order is " + o.state + " already");
            }
            o.state = EmergencyOrderState.LIFTED;
            o.endedAt = clock.now();
            o.endedBy = actor.actor();
            o.endReason = reason.strip();
            return outbox.publish(RestrictionEvents.RESTORED, o.partnerId.toString(), new RestrictionEvents.Restored(
                            o.id, o.partnerId, o.kind, RestrictionEvents.RestoreReason.LIFTED,
                            TextRedactor.redact(o.endReason), o.endedAt.toInstant()))
                    .chain(() -> record(o, actor, TimelineKind.EMERGENCY_LIFTED, o.kind + " lifted", o.endReason))
                    .chain(orders::flush)
                    .replaceWith(o);
        });
    }

    /** Loads an order the caller may see (3.4.f): a partner only its own. */
    public Uni<EmergencyOrder> load(UUID id) {
        return orders.findById(id).invoke(o -> caller.requireVisible(o != null && caller.maySeePartner(o.partnerId),
                "emergency order"));
    }

    /** The audit record, and the timeline entry when the order names an incident. */
    Uni<Void> record(EmergencyOrder o, AuditActor actor, TimelineKind kind, String summary, String note) {
        EmergencyOrderState state = switch (kind) {
            case EMERGENCY_LIFTED -> EmergencyOrderState.LIFTED;
            case EMERGENCY_EXPIRED -> EmergencyOrderState.EXPIRED;
            default -> EmergencyOrderState.ACTIVE;
        };
        String action = "emergency-order." + (state == EmergencyOrderState.ACTIVE ? "ordered"
                : state.name().toLowerCase(Locale.ROOT));
        Uni<?> audited = audit.record(actor, action,
                "emergency-order", o.id.toString(), "{\"partnerId\":\"" + o.partnerId + "\",\"kind\":\"" + o.kind
                        + "\",\"state\":\"" + state + "\"}");
        return audited.chain(() -> o.incidentId == null ? Uni.createFrom().voidItem()
                : timeline.append(o.incidentId, actor, kind, summary, note, Map.of("orderId", o.id, "kind", o.kind))
                        .replaceWithVoid());
    }

    private EmergencyOrder newOrder(OrderRequest r, AuditActor actor) {
        EmergencyOrder o = new EmergencyOrder();
        o.id = Ids.newId();
        o.partnerId = r.partnerId();
        o.incidentId = r.incidentId();
        o.kind = r.kind();
        o.requestsPerSecond = r.requestsPerSecond();
        o.requestsPerPeriod = r.requestsPerPeriod();
        o.period = r.period() == null ? null : Duration.parse(r.period().strip()).toString();
        o.expiresAt = Utc.utc(r.expiresAt());
        o.reason = r.reason().strip();
        o.state = EmergencyOrderState.ACTIVE;
        o.orderedBy = actor.actor();
        o.orderedAt = clock.now();
        return o;
    }
}

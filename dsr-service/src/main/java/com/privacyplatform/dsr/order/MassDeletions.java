package com.privacyplatform.dsr.order;

import com.privacyplatform.commons.clause.Enforces;
import com.privacyplatform.dsr.Times;
import com.privacyplatform.dsr.events.ConsumedEvents.BreachDeletionOrdered;
import com.privacyplatform.dsr.events.ConsumedEvents.PartnerTerminated;
import com.privacyplatform.dsr.holding.ConsentHolding;
import com.privacyplatform.dsr.holding.HoldingRepository;
import com.privacyplatform.dsr.holding.Recipients;
import com.privacyplatform.dsr.request.RequestOrigin;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.retention.Retained;
import com.privacyplatform.dsr.retention.RetentionBasisRepository;
import com.privacyplatform.dsr.retention.RetentionEvidence;
import com.privacyplatform.dsr.workflow.Actors;
import com.privacyplatform.dsr.workflow.FanOutPlanner;
import com.privacyplatform.dsr.workflow.RequestWorkflow;
import com.privacyplatform.dsr.workflow.Submission;
import com.privacyplatform.dsr.workflow.TaskPlan;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deletions the platform orders for every subject a partner holds: at termination (3.5.d) and after
 * a breach (3.4.j). Each subject gets its own DELETION request, tracked to completion like any other
 * request and visible to the subject.
 */
@ApplicationScoped
public class MassDeletions {

    private final DeletionOrders orders;
    private final HoldingRepository holdings;
    private final RetentionBasisRepository retention;
    private final Recipients recipients;
    private final RequestWorkflow workflow;
    private final TerminationWork terminationWork;

    public MassDeletions(DeletionOrders orders, HoldingRepository holdings, RetentionBasisRepository retention,
            Recipients recipients, RequestWorkflow workflow, TerminationWork terminationWork) {
        this.orders = orders;
        this.holdings = holdings;
        this.retention = retention;
        this.recipients = recipients;
        this.workflow = workflow;
        this.terminationWork = terminationWork;
    }

    /**
     * 3.5.d: everything the partner obtained through the platform is deleted, unless a retention basis
     * it recorded is honoured (an officer-approved legal obligation, or the subject's express consent
     * to the retention given before the termination and still standing); recipients are notified too.
     */
    @Enforces(value = "3.5.d", note = "deletion tasks for every subject of a terminated partner, minus retention bases")
    public Uni<Integer> terminated(PartnerTerminated event, UUID eventId) {
        UUID partner = requirePartner(event.partnerId());
        Instant at = event.at() == null ? Times.now().toInstant() : event.at();
        return orders.claim(DeletionOrders.TERMINATION, partner, partner, List.of(), event.reason(), eventId)
                .chain(claimed -> !claimed ? Uni.createFrom().item(0) : retention.ofPartner(partner)
                        .chain(bases -> holdings.ofPartner(partner).chain(held -> fanOut(bySubject(held),
                                new FanOutPlanner.Options(true, List.of(), RetentionEvidence.honoured(bases,
                                        byConsent(held), at)), RequestOrigin.TERMINATION, partner, partner)))
                        .call(n -> orders.recordRequests(DeletionOrders.TERMINATION, partner, partner, n))
                        // a partner that held nothing (or only exempt data) is done at once
                        .call(() -> terminationWork.completeIfDone(partner)));
    }

    /** 3.4.j: one DELETION request per subject whose data of the ordered categories the partner holds. */
    @Enforces(value = "3.4.j", note = "breach deletion orders become one deletion task per affected subject")
    public Uni<Integer> breachOrdered(BreachDeletionOrdered event, UUID eventId) {
        UUID partner = requirePartner(event.partnerId());
        if (event.incidentId() == null) {
            throw new IllegalArgumentException("breach.deletion-ordered without incidentId");
        }
        List<String> categories = event.categories() == null ? List.of() : List.copyOf(event.categories());
        return orders.claim(DeletionOrders.BREACH, event.incidentId(), partner, categories, event.reason(), eventId)
                .chain(claimed -> !claimed ? Uni.createFrom().item(0) : holdings.ofPartner(partner)
                        .chain(held -> fanOut(bySubject(held), new FanOutPlanner.Options(false, categories,
                                List.<Retained>of()), RequestOrigin.BREACH_ORDER, event.incidentId(), partner))
                        .call(n -> orders.recordRequests(DeletionOrders.BREACH, event.incidentId(), partner, n)));
    }

    private Uni<Integer> fanOut(Map<String, List<ConsentHolding>> subjects, FanOutPlanner.Options options,
            RequestOrigin origin, UUID ref, UUID partner) {
        List<Map.Entry<String, List<TaskPlan>>> work = new ArrayList<>();
        subjects.forEach((subject, held) -> {
            List<TaskPlan> plans = FanOutPlanner.plan(subject, held, options, recipients::of);
            if (!plans.isEmpty()) {
                work.add(Map.entry(subject, plans));
            }
        });
        return Multi.createFrom().iterable(work)
                .onItem().transformToUniAndConcatenate(w -> workflow.order(new Submission(w.getKey(),
                        RequestType.DELETION, origin, ref, Actors.SYSTEM, null, List.of(partner), List.of()),
                        w.getValue()))
                .collect().asList()
                .map(List::size);
    }

    private static Map<String, List<ConsentHolding>> bySubject(List<ConsentHolding> held) {
        Map<String, List<ConsentHolding>> out = new LinkedHashMap<>();
        held.forEach(h -> out.computeIfAbsent(h.subjectId, s -> new ArrayList<>()).add(h));
        return out;
    }

    private static Map<UUID, ConsentHolding> byConsent(List<ConsentHolding> held) {
        Map<UUID, ConsentHolding> out = new HashMap<>();
        held.forEach(h -> out.put(h.consentId, h));
        return out;
    }

    private static UUID requirePartner(UUID partnerId) {
        if (partnerId == null) {
            throw new IllegalArgumentException("event without partnerId");
        }
        return partnerId;
    }
}

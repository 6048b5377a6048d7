package com.privacyplatform.dsr.order;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.events.ConsumedEvents.BreachDeletionOrdered;
import com.privacyplatform.dsr.events.ConsumedEvents.PartnerTerminated;
import com.privacyplatform.dsr.holding.ConsentHolding;
import com.privacyplatform.dsr.holding.Recipients;
import com.privacyplatform.dsr.request.RequestOrigin;
import com.privacyplatform.dsr.request.RequestType;
import com.privacyplatform.dsr.retention.Retained;
import com.privacyplatform.dsr.retention.RetentionBasis;
import com.privacyplatform.dsr.retention.RetentionEvidence;
import com.privacyplatform.dsr.workflow.Actors;
import com.privacyplatform.dsr.workflow.BatchOrders;
import com.privacyplatform.dsr.workflow.FanOutPlanner;
import com.privacyplatform.dsr.workflow.Submission;
import com.privacyplatform.dsr.workflow.TaskPlan;
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
 * <p>
 * The consumed event only claims the order and records its fan-out (in the inbox transaction);
 * {@link MassDeletionWorker} then opens the requests in chunks of subjects, each chunk in a short
 * transaction of its own that advances the fan-out's cursor ({@link FanOutJobs}), so no transaction
 * grows with the partner's size and a crash or redelivery resumes where the last chunk ended.
 */
@ApplicationScoped
public class MassDeletions {

    private final DeletionOrders orders;
    private final FanOutJobs jobs;
    private final Recipients recipients;
    private final BatchOrders batch;
    private final PlatformClock clock;

    public MassDeletions(DeletionOrders orders, FanOutJobs jobs, Recipients recipients, BatchOrders batch,
            PlatformClock clock) {
        this.orders = orders;
        this.jobs = jobs;
        this.recipients = recipients;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * 3.5.d: everything the partner obtained through the platform is deleted, unless a retention basis
     * it recorded is honoured (an officer-approved legal obligation, or the subject's express consent
     * to the retention given before the termination and still standing); recipients are notified too.
     * Call in the inbox transaction; true when this event ordered the deletion (a repeated one does not).
     */
    @Enforces(value = "3.5.d", note = "deletion tasks for every subject of a terminated partner, minus retention bases")
    public Uni<Boolean> terminated(PartnerTerminated event, UUID eventId) {
        UUID partner = requirePartner(event.partnerId());
        Instant at = event.at() == null ? clock.instant() : event.at();
        return orders.claim(DeletionOrders.TERMINATION, partner, partner, List.of(), event.reason(), eventId)
                .call(claimed -> claimed ? jobs.open(new FanOutJobs.Key(DeletionOrders.TERMINATION, partner, partner),
                        at) : Uni.createFrom().voidItem());
    }

    /** 3.4.j: one DELETION request per subject whose data of the ordered categories the partner holds. */
    @Enforces(value = "3.4.j", note = "breach deletion orders become one deletion task per affected subject")
    public Uni<Boolean> breachOrdered(BreachDeletionOrdered event, UUID eventId) {
        UUID partner = requirePartner(event.partnerId());
        if (event.incidentId() == null) {
            throw new IllegalArgumentException("breach.deletion-ordered without incidentId");
        }
        List<String> categories = event.categories() == null ? List.of() : List.copyOf(event.categories());
        return orders.claim(DeletionOrders.BREACH, event.incidentId(), partner, categories, event.reason(), eventId)
                .call(claimed -> claimed ? jobs.open(new FanOutJobs.Key(DeletionOrders.BREACH, event.incidentId(),
                        partner), clock.instant()) : Uni.createFrom().voidItem());
    }

    /**
     * One chunk of an order's fan-out, in the chunk's transaction: a DELETION request for each of these
     * subjects that has something to delete (a breach order's categories, minus what a termination's
     * honoured retention bases keep). Returns how many requests it opened.
     *
     * @param held  the partner's holdings of exactly these subjects
     * @param bases the partner's retention bases that can concern them (termination only)
     */
    @Enforces(value = {"3.5.d", "3.4.j"}, note = "a mass order opens each subject's deletion request once, chunk by chunk")
    public Uni<Integer> orderChunk(FanOutJobs.Job job, List<ConsentHolding> held, List<RetentionBasis> bases) {
        boolean termination = DeletionOrders.TERMINATION.equals(job.key().kind());
        FanOutPlanner.Options options = termination
                ? new FanOutPlanner.Options(true, List.of(), RetentionEvidence.honoured(bases, byConsent(held),
                        job.effectiveAt()))
                : new FanOutPlanner.Options(false, job.categories(), List.<Retained>of());
        RequestOrigin origin = termination ? RequestOrigin.TERMINATION : RequestOrigin.BREACH_ORDER;
        UUID partner = job.key().partnerId();
        List<Submission> submissions = new ArrayList<>();
        List<List<TaskPlan>> plans = new ArrayList<>();
        bySubject(held).forEach((subject, own) -> {
            List<TaskPlan> planned = FanOutPlanner.plan(subject, own, options, recipients::of);
            if (!planned.isEmpty()) {
                submissions.add(new Submission(subject, RequestType.DELETION, origin, job.key().ref(), Actors.SYSTEM,
                        null, List.of(partner), List.of()));
                plans.add(planned);
            }
        });
        return batch.order(submissions, plans).map(List::size);
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

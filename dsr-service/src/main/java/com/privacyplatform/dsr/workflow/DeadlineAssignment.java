package com.privacyplatform.dsr.workflow;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.commons.time.Utc;
import com.privacyplatform.dsr.deadline.Deadline;
import com.privacyplatform.dsr.deadline.DeadlineRules;
import com.privacyplatform.dsr.deadline.Deadlines;
import com.privacyplatform.dsr.holding.ConsentHolding;
import com.privacyplatform.dsr.partner.PartnerJurisdictions;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.task.TaskKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Fixes the deadlines when a request is received (3.5.b-c "promptly"): each task's from the
 * jurisdictions of the consents it rests on - the partner's where a consent names none - with the
 * earliest winning; recipient tasks their own short one; the request's is the earliest of its partner
 * tasks' (without tasks: of the consents it revokes). Who submitted, and what they named, plays no part.
 */
@ApplicationScoped
public class DeadlineAssignment {

    private final Deadlines deadlines;
    private final PartnerJurisdictions partners;
    private final PlatformClock clock;

    public DeadlineAssignment(Deadlines deadlines, PartnerJurisdictions partners, PlatformClock clock) {
        this.deadlines = deadlines;
        this.partners = partners;
        this.clock = clock;
    }

    /** The work with every deadline set, for a receipt at {@code receivedAt}. */
    @Enforces(value = {"3.5.b", "3.5.c"}, note = "deadlines follow the consents' jurisdictions, not the submitter")
    public Uni<Work> schedule(DsrRequest r, OffsetDateTime receivedAt, Work work) {
        Set<UUID> unnamed = new HashSet<>();
        addUnnamed(work, unnamed);
        return partners.of(unnamed).map(partnerLaw -> compute(r, receivedAt, work, partnerLaw));
    }

    /**
     * {@link #schedule} for many requests received at their submission, with one look-up of the
     * partners' jurisdictions (a mass order's chunk).
     */
    public Uni<List<Work>> scheduleAll(List<DsrRequest> rs, List<Work> works) {
        Set<UUID> unnamed = new HashSet<>();
        works.forEach(w -> addUnnamed(w, unnamed));
        return partners.of(unnamed).map(partnerLaw -> {
            List<Work> out = new ArrayList<>(works.size());
            for (int i = 0; i < works.size(); i++) {
                out.add(compute(rs.get(i), rs.get(i).submittedAt, works.get(i), partnerLaw));
            }
            return out;
        });
    }

    private static void addUnnamed(Work work, Set<UUID> unnamed) {
        work.plans().stream().filter(p -> p.jurisdictions().isEmpty() || p.jurisdictions().contains(null))
                .forEach(p -> unnamed.add(p.partnerId()));
        work.targets().stream().filter(h -> h.jurisdiction == null).forEach(h -> unnamed.add(h.partnerId));
    }

    /** Starts the request's clock with the scheduled work's deadline. */
    public void apply(DsrRequest r, OffsetDateTime receivedAt, Work scheduled) {
        Deadline d = scheduled.deadline();
        preview(r, scheduled);
        r.receivedAt = receivedAt;
        r.dueOn = d.dueOn();
        r.originalDueOn = d.dueOn();
        r.latestDueOn = d.latestDueOn();
        r.receiptConfirmationDueOn = d.receiptConfirmationDueOn();
        r.updatedAt = clock.now();
    }

    /** A request awaiting the subject's confirmation: which law would apply (the clock starts at confirmation). */
    public void preview(DsrRequest r, Work scheduled) {
        Deadline d = scheduled.deadline();
        r.policyId = d.policyId();
        r.policyVersion = deadlines.policies().version();
        r.jurisdiction = d.jurisdiction();
        r.jurisdictions = d.jurisdictions();
    }

    private Work compute(DsrRequest r, OffsetDateTime receivedAt, Work work, Map<UUID, String> partnerLaw) {
        DeadlineRules rules = deadlines.rules();
        LocalDate receivedOn = Utc.date(receivedAt);
        String origin = r.origin.name();
        List<TaskPlan> plans = work.plans().stream().map(p -> p.withDeadline(p.kind() == TaskKind.RECIPIENT
                ? rules.forRecipient(receivedAt)
                : rules.earliest(withPartners(p.jurisdictions(), partnerLaw.get(p.partnerId())), origin, receivedOn)))
                .toList();
        List<Deadline> partnerTasks = plans.stream().filter(p -> p.kind() == TaskKind.PARTNER)
                .map(TaskPlan::deadline).toList();
        if (!partnerTasks.isEmpty()) {
            List<Deadline> open = plans.stream().filter(p -> p.kind() == TaskKind.PARTNER && !p.exempt())
                    .map(TaskPlan::deadline).toList();
            return work.scheduled(plans, ofTasks(open.isEmpty() ? partnerTasks : open, partnerTasks));
        }
        List<String> revoked = work.targets().stream()
                .map(h -> h.jurisdiction != null ? h.jurisdiction : partnerLaw.get(h.partnerId)).toList();
        return work.scheduled(plans, rules.earliest(revoked, origin, receivedOn));
    }

    /** The request's deadline: the earliest of its tasks'; it names every jurisdiction of all its tasks. */
    static Deadline ofTasks(List<Deadline> candidates, List<Deadline> all) {
        Deadline earliest = candidates.stream().min(Comparator.comparing(Deadline::dueOn)).orElseThrow();
        TreeSet<String> jurisdictions = new TreeSet<>();
        all.forEach(d -> jurisdictions.addAll(d.jurisdictions()));
        LocalDate confirmation = all.stream().map(Deadline::receiptConfirmationDueOn).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return new Deadline(earliest.policyId(), earliest.jurisdiction(), List.copyOf(jurisdictions), earliest.dueOn(),
                earliest.dueAt(), earliest.latestDueOn(), confirmation);
    }

    /** A consent that names no jurisdiction falls under its partner's (still unknown: the platform default). */
    static List<String> withPartners(List<String> jurisdictions, String partnerJurisdiction) {
        List<String> out = new ArrayList<>();
        (jurisdictions.isEmpty() ? Collections.<String>singletonList(null) : jurisdictions)
                .forEach(j -> out.add(j != null ? j : partnerJurisdiction));
        return out;
    }
}

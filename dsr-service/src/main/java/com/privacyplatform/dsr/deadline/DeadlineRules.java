package com.privacyplatform.dsr.deadline;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.time.Utc;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which deadline a task gets, without a clock or I/O: the jurisdictions of the consents it rests on
 * decide (the submitter's choice does not), and where there are several the earliest deadline wins.
 * A platform-ordered deletion also weighs its origin's own row (termination, breach order). Recipient
 * tasks ("stop the disclosure immediately") get their own short deadline instead.
 */
public final class DeadlineRules {

    private final DeadlinePolicies policies;
    private final DeadlineCalculator calculator;
    private final Duration recipientDeadline;

    public DeadlineRules(DeadlinePolicies policies, DeadlineCalculator calculator, Duration recipientDeadline) {
        if (recipientDeadline == null || recipientDeadline.isNegative() || recipientDeadline.isZero()) {
            throw new IllegalArgumentException("dsr.recipient-deadline must be a positive duration, e.g. PT72H");
        }
        this.policies = policies;
        this.calculator = calculator;
        this.recipientDeadline = recipientDeadline;
    }

    /** One row of the table applied in one jurisdiction's calendar. */
    private record Candidate(DeadlinePolicy policy, String jurisdiction, DeadlineCalculator.Schedule schedule) {
        LocalDate limit() {
            return schedule.latestExtendedDueOn() != null ? schedule.latestExtendedDueOn() : schedule.dueOn();
        }
    }

    /**
     * The deadline of work resting on consents under {@code jurisdictions} (null entries: unknown, the
     * platform default applies; empty: nothing known at all). Each jurisdiction's row counts, and the
     * origin's own row where it has one; the earliest due day wins (on a tie, the one that can be
     * extended least). One extension may move it no later than every candidate allows.
     */
    @Enforces(value = {"3.5.b", "3.5.c"},
            note = "a task's deadline follows the jurisdictions of its consents; the earliest wins")
    public Deadline earliest(Collection<String> jurisdictions, String origin, LocalDate receivedOn) {
        Set<String> bases = new LinkedHashSet<>(jurisdictions == null ? List.of() : jurisdictions);
        if (bases.isEmpty()) {
            bases.add(null);
        }
        Optional<DeadlinePolicy> ordered = policies.forOrigin(origin);
        List<Candidate> candidates = new ArrayList<>();
        for (String jurisdiction : bases) {
            candidates.add(candidate(policies.forJurisdiction(jurisdiction), jurisdiction, receivedOn));
            ordered.ifPresent(p -> candidates.add(candidate(p, jurisdiction, receivedOn)));
        }
        Candidate winner = candidates.stream().min(Comparator
                .comparing((Candidate c) -> c.schedule().dueOn())
                .thenComparing(Candidate::limit)
                .thenComparing(Candidate::jurisdiction, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(c -> c.policy().id())).orElseThrow();
        LocalDate limit = candidates.stream().map(Candidate::limit).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate confirmation = candidates.stream().map(c -> c.schedule().receiptConfirmationDueOn())
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        LocalDate due = winner.schedule().dueOn();
        return new Deadline(winner.policy().id(), winner.jurisdiction(),
                bases.stream().filter(Objects::nonNull).sorted().toList(), due, endOf(due),
                limit.isAfter(due) ? limit : null, confirmation);
    }

    /** 3.5.c.b: stop disclosing to a recipient and notify it within {@code dsr.recipient-deadline} of receipt. */
    @Enforces(value = "3.5.c.b", note = "recipient tasks get their own short deadline (dsr.recipient-deadline)")
    public Deadline forRecipient(OffsetDateTime receivedAt) {
        OffsetDateTime dueAt = receivedAt.withOffsetSameInstant(ZoneOffset.UTC).plus(recipientDeadline)
                .truncatedTo(ChronoUnit.SECONDS);
        return new Deadline(null, null, List.of(), dueAt.toLocalDate(), dueAt, null, null);
    }

    public Duration recipientDeadline() {
        return recipientDeadline;
    }

    /** An extension of a deadline set by {@code policyId} in {@code jurisdiction}'s calendar, within its limit. */
    public DeadlineCalculator.ExtensionDecision extend(String policyId, String jurisdiction, LocalDate receivedOn,
            LocalDate currentDue, LocalDate latestDueOn, LocalDate today, Integer days) {
        if (policyId == null) {
            return new DeadlineCalculator.ExtensionDecision(null, DeadlineCalculator.Refusal.NOT_ALLOWED_BY_POLICY);
        }
        return calculator.extendWithin(policies.byId(policyId), receivedOn, jurisdiction, currentDue, latestDueOn,
                today, days);
    }

    private Candidate candidate(DeadlinePolicy policy, String jurisdiction, LocalDate receivedOn) {
        return new Candidate(policy, jurisdiction, calculator.schedule(policy, receivedOn, jurisdiction));
    }

    /** The last instant of a due day (UTC). */
    public static OffsetDateTime endOf(LocalDate day) {
        return Utc.endOf(day).atOffset(ZoneOffset.UTC);
    }
}

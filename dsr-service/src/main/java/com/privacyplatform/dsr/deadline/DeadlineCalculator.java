package com.privacyplatform.dsr.deadline;

import java.time.LocalDate;

/**
 * Pure date arithmetic of the deadline table: no clock, no I/O. The start day (the day of receipt)
 * is never counted; months clamp to the month's end (Jan 31 + 1 month = Feb 28/29); business days
 * skip weekends and the configured holidays of the jurisdiction; calendar deadlines of policies
 * with {@code rollToBusinessDay} move off weekends and holidays to the next business day.
 */
public final class DeadlineCalculator {

    private final Holidays holidays;

    public DeadlineCalculator(Holidays holidays) {
        this.holidays = holidays;
    }

    /** When a request received on {@code receivedOn} is due, and when its receipt must be confirmed. */
    public record Schedule(LocalDate receivedOn, LocalDate dueOn, LocalDate receiptConfirmationDueOn,
            LocalDate latestExtendedDueOn) {
    }

    /** The outcome of an extension request: the new due date, or why there is none. */
    public record ExtensionDecision(LocalDate dueOn, Refusal refusal) {
        public boolean granted() {
            return refusal == null;
        }
    }

    public enum Refusal {
        NOT_ALLOWED_BY_POLICY("the deadline policy allows no extension"),
        ALREADY_EXTENDED("the deadline was already extended once"),
        TOO_LATE("an extension must be decided and told to the subject before the current deadline passes"),
        TOO_LONG("the extension would go beyond the longest extension the applicable policies allow");

        public final String detail;

        Refusal(String detail) {
            this.detail = detail;
        }
    }

    public Schedule schedule(DeadlinePolicy policy, LocalDate receivedOn, String country) {
        LocalDate due = due(receivedOn, policy.response(), policy.rollToBusinessDay(), country);
        LocalDate confirmation = policy.receiptConfirmation() == null ? null
                : due(receivedOn, policy.receiptConfirmation(), false, country);
        LocalDate latest = policy.allowsExtension()
                ? due(receivedOn, policy.response().plus(policy.extension()), policy.rollToBusinessDay(), country)
                : null;
        return new Schedule(receivedOn, due, confirmation, latest);
    }

    /**
     * Decides an extension. Without {@code days} the full extension of the policy is granted; with
     * {@code days}, the unrolled original deadline moves by that many calendar days (then rolls).
     */
    public ExtensionDecision extend(DeadlinePolicy policy, LocalDate receivedOn, String country, LocalDate currentDue,
            boolean alreadyExtended, LocalDate today, Integer days) {
        if (!policy.allowsExtension()) {
            return new ExtensionDecision(null, Refusal.NOT_ALLOWED_BY_POLICY);
        }
        if (alreadyExtended) {
            return new ExtensionDecision(null, Refusal.ALREADY_EXTENDED);
        }
        return extendWithin(policy, receivedOn, country, currentDue,
                schedule(policy, receivedOn, country).latestExtendedDueOn(), today, days);
    }

    /**
     * Decides an extension of a deadline set by {@code policy} that may go no further than {@code limit}
     * (null: no extension at all), e.g. because the same task also falls under a stricter law. Without
     * {@code days}: up to the limit; with {@code days}: the unrolled original deadline plus that many
     * calendar days, rolled where the policy says so, refused when beyond the limit.
     */
    public ExtensionDecision extendWithin(DeadlinePolicy policy, LocalDate receivedOn, String country,
            LocalDate currentDue, LocalDate limit, LocalDate today, Integer days) {
        if (limit == null || !policy.allowsExtension()) {
            return new ExtensionDecision(null, Refusal.NOT_ALLOWED_BY_POLICY);
        }
        if (today.isAfter(currentDue)) {
            return new ExtensionDecision(null, Refusal.TOO_LATE);
        }
        if (days == null) {
            return new ExtensionDecision(limit, null);
        }
        LocalDate unrolled = end(receivedOn, policy.response(), country).plusDays(days);
        LocalDate due = policy.rollToBusinessDay() ? nextBusinessDay(unrolled, country) : unrolled;
        return due.isAfter(limit) ? new ExtensionDecision(null, Refusal.TOO_LONG) : new ExtensionDecision(due, null);
    }

    /** The deadline of {@code term} from {@code start}, moved to a business day when {@code roll}. */
    public LocalDate due(LocalDate start, Term term, boolean roll, String country) {
        LocalDate end = end(start, term, country);
        return roll ? nextBusinessDay(end, country) : end;
    }

    /** The last day of {@code term} counted from the day after {@code start}. */
    public LocalDate end(LocalDate start, Term term, String country) {
        return switch (term.unit()) {
            case CALENDAR_DAYS -> start.plusDays(term.amount());
            case CALENDAR_MONTHS -> start.plusMonths(term.amount()); // clamps: Jan 31 + 1 month = Feb 28/29
            case BUSINESS_DAYS -> plusBusinessDays(start, term.amount(), country);
        };
    }

    public LocalDate plusBusinessDays(LocalDate start, int days, String country) {
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (holidays.isBusinessDay(date, country)) {
                counted++;
            }
        }
        return date;
    }

    /** {@code date} itself when it is a business day, else the next one. */
    public LocalDate nextBusinessDay(LocalDate date, String country) {
        LocalDate d = date;
        while (!holidays.isBusinessDay(d, country)) {
            d = d.plusDays(1);
        }
        return d;
    }
}

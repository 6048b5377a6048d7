package com.privacyplatform.dsr.workflow;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.dsr.events.ConsumedEvents.RecipientData;
import com.privacyplatform.dsr.holding.ConsentHolding;
import com.privacyplatform.dsr.retention.Retained;
import com.privacyplatform.dsr.task.TaskKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pure planning of a request's tasks from the subject's holdings: one task per partner concerned
 * and, when asked, one per recorded recipient of that partner (3.5.c.b-c). Honoured retention bases
 * (3.5.d, see RetentionEvidence) exempt a whole subject or single categories; a category filter narrows a breach order (3.4.j).
 */
public final class FanOutPlanner {

    /** What a fan-out needs besides the holdings. */
    public record Options(boolean recipients, List<String> categoryFilter, List<Retained> retention) {
        public static Options plain(boolean recipients) {
            return new Options(recipients, List.of(), List.of());
        }
    }

    private FanOutPlanner() {
    }

    /** @param holdings one subject's holdings, already limited to the partners concerned */
    @Enforces(value = {"3.5.c.a", "3.5.c.b", "3.5.c.c", "3.5.d"},
            note = "one task per partner holding the data and per recipient it disclosed to; retention bases exempt")
    public static List<TaskPlan> plan(String subjectId, List<ConsentHolding> holdings, Options options,
            Function<ConsentHolding, List<RecipientData>> recipientsOf) {
        Map<UUID, List<ConsentHolding>> byPartner = new TreeMap<>();
        holdings.forEach(h -> byPartner.computeIfAbsent(h.partnerId, p -> new ArrayList<>()).add(h));
        List<TaskPlan> plans = new ArrayList<>();
        byPartner.forEach((partner, own) -> plans.addAll(planPartner(subjectId, partner, own, options, recipientsOf)));
        return plans;
    }

    private static List<TaskPlan> planPartner(String subjectId, UUID partner, List<ConsentHolding> own,
            Options options, Function<ConsentHolding, List<RecipientData>> recipientsOf) {
        TreeSet<String> categories = new TreeSet<>();
        TreeSet<String> purposes = new TreeSet<>();
        own.forEach(h -> {
            categories.addAll(h.categories);
            if (h.purpose != null) {
                purposes.add(h.purpose);
            }
        });
        if (!options.categoryFilter().isEmpty()) {
            categories.retainAll(options.categoryFilter());
            if (categories.isEmpty()) {
                return List.of(); // the order does not concern what this partner holds of the subject
            }
        }
        List<String> laws = jurisdictions(own);
        List<Retained> bases = options.retention().stream().filter(b -> b.partnerId().equals(partner)).toList();
        List<Retained> whole = bases.stream().filter(b -> b.coversWholeSubject(subjectId)).toList();
        if (!whole.isEmpty()) {
            return List.of(new TaskPlan(partner, TaskKind.PARTNER, null, null, List.of(), List.copyOf(purposes),
                    List.copyOf(categories), ids(whole), true, laws, null));
        }
        TreeSet<String> retained = new TreeSet<>();
        List<Retained> used = new ArrayList<>();
        for (String category : categories) {
            bases.stream().filter(b -> b.categories() != null && b.covers(subjectId, category)).findFirst()
                    .ifPresent(b -> {
                        retained.add(category);
                        used.add(b);
                    });
        }
        categories.removeAll(retained);
        boolean exempt = categories.isEmpty() && !retained.isEmpty();
        List<TaskPlan> plans = new ArrayList<>();
        plans.add(new TaskPlan(partner, TaskKind.PARTNER, null, null, List.copyOf(categories), List.copyOf(purposes),
                List.copyOf(retained), ids(used), exempt, laws, null));
        if (options.recipients() && !exempt) {
            recipients(own, recipientsOf).forEach(r -> plans.add(new TaskPlan(partner, TaskKind.RECIPIENT, r.name(),
                    r.country(), List.copyOf(categories), List.copyOf(purposes), List.of(), List.of(), false, laws,
                    null)));
        }
        return plans;
    }

    /** Distinct recipients (by name, case-insensitive, and country) in the order first recorded. */
    private static List<RecipientData> recipients(List<ConsentHolding> own,
            Function<ConsentHolding, List<RecipientData>> recipientsOf) {
        Map<String, RecipientData> distinct = new LinkedHashMap<>();
        for (ConsentHolding h : own) {
            for (RecipientData r : recipientsOf.apply(h)) {
                String key = r.name().strip().toLowerCase(Locale.ROOT) + "|" + r.country();
                distinct.putIfAbsent(key, new RecipientData(r.name().strip(), r.country()));
            }
        }
        return List.copyOf(distinct.values());
    }

    /** The distinct jurisdictions of the consents (null for a consent that names none: the partner's applies). */
    static List<String> jurisdictions(List<ConsentHolding> own) {
        return Collections.unmodifiableList(new ArrayList<>(own.stream().map(h -> h.jurisdiction)
                .collect(Collectors.toCollection(LinkedHashSet::new))));
    }

    private static List<String> ids(List<Retained> bases) {
        return bases.stream().map(b -> b.basisId().toString()).distinct().toList();
    }
}

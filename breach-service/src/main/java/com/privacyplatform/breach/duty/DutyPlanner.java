package com.privacyplatform.breach.duty;

import com.privacyplatform.breach.assessment.Severity;
import com.privacyplatform.breach.config.BreachConfig;
import com.privacyplatform.breach.incident.IncidentFacts;
import com.privacyplatform.api.clause.Enforces;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Which duties an incident has, and their clocks: the platform's own rule (5.1) always, and the
 * duties of every regime that covers one of the affected subjects' jurisdictions. Due times run
 * from the awareness instant (discoveredAt), whatever offset it was reported with.
 */
@ApplicationScoped
public class DutyPlanner {

    private final DutyCatalog catalog;
    private final BreachConfig config;

    public DutyPlanner(DutyCatalog catalog, BreachConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    @Enforces(value = {"5.1", "5.1.b"}, note = "per-jurisdiction duties to notify regulators and subjects, with clocks")
    public List<PlannedDuty> plan(IncidentFacts facts, Severity severity) {
        List<PlannedDuty> planned = new ArrayList<>();
        planned.add(planned(catalog.platformRule(), "PLATFORM", List.of(), facts, severity, true));
        for (DutyCatalog.Regime regime : catalog.regimes()) {
            List<String> covered = facts.jurisdictions().stream().filter(regime.jurisdictions()::contains).toList();
            if (!covered.isEmpty()) {
                regime.duties().forEach(rule -> planned.add(planned(rule, regime.id(), covered, facts, severity,
                        false)));
            }
        }
        return planned;
    }

    /** Jurisdictions no regime of the table covers: the officer has to check those by hand. */
    public List<String> unmodelled(List<String> jurisdictions) {
        return jurisdictions.stream().filter(j -> catalog.regimeOf(j).isEmpty()).toList();
    }

    private PlannedDuty planned(DutyCatalog.Rule rule, String regime, List<String> covered, IncidentFacts facts,
            Severity severity, boolean platform) {
        Duration window = catalog.window(rule);
        OffsetDateTime dueAt = facts.discoveredAt().plus(window);
        String notRequired = notRequiredReason(rule, facts, severity);
        return new PlannedDuty(rule, regime, covered, window, dueAt, dueAt.minus(warningLead(window)),
                notRequired == null, notRequired, platform);
    }

    /** A fraction of the window before it lapses, capped: 72 h warn 18 h ahead, 30 days warn 2 days ahead. */
    Duration warningLead(Duration window) {
        Duration fraction = Duration.ofSeconds((long) (window.toSeconds() * config.duties().warningFraction()));
        Duration cap = config.duties().warningMaxLead();
        return fraction.compareTo(cap) <= 0 ? fraction : cap;
    }

    /** Null when the duty is required; else why not, naming the condition (and its source for exemptions). */
    static String notRequiredReason(DutyCatalog.Rule rule, IncidentFacts facts, Severity severity) {
        if (!rule.appliesTo().contains(facts.kind())) {
            return "applies to " + rule.appliesTo() + " only; this incident is a " + facts.kind();
        }
        if (rule.minSeverity() != null && severity.compareTo(rule.minSeverity()) < 0) {
            return "required only when the risk is high (severity " + rule.minSeverity() + " or above); severity is "
                    + severity;
        }
        Long subjects = facts.affectedSubjects();
        if (rule.minAffectedSubjects() != null && subjects != null && subjects < rule.minAffectedSubjects()) {
            return "required only from " + rule.minAffectedSubjects() + " affected subjects; " + subjects
                    + " reported";
        }
        for (DutyCatalog.Exemption exemption : rule.exemptions()) {
            if (exemption.when() == DutyCatalog.Condition.DATA_ENCRYPTED && Boolean.TRUE.equals(facts.dataEncrypted())) {
                return "exempt under " + exemption.source() + ": " + exemption.reason();
            }
        }
        return null;
    }
}

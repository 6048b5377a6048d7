package com.privacyplatform.dsr.deadline;

import com.privacyplatform.dsr.config.DsrConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The deadline table, calendar (holidays from {@code dsr.holidays}) and rules of this instance (the
 * recipient deadline from {@code dsr.recipient-deadline}); days are UTC. Built at startup, so a
 * malformed table, holiday list or recipient deadline stops the service at once.
 */
@Startup
@ApplicationScoped
public class Deadlines {

    private final DeadlinePolicies policies;
    private final DeadlineCalculator calculator;
    private final DeadlineRules rules;

    public Deadlines(DsrConfig config) {
        this.policies = DeadlinePolicies.load();
        this.calculator = new DeadlineCalculator(Holidays.parse(config.holidays().orElse(java.util.List.of())));
        this.rules = new DeadlineRules(policies, calculator, config.recipientDeadline());
    }

    public DeadlinePolicies policies() {
        return policies;
    }

    public DeadlineCalculator calculator() {
        return calculator;
    }

    public DeadlineRules rules() {
        return rules;
    }
}

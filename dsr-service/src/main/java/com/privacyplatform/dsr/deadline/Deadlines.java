package com.privacyplatform.dsr.deadline;

import com.privacyplatform.dsr.config.DsrConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The deadline table and calendar of this instance (holidays from {@code dsr.holidays}); days are UTC.
 * Built at startup, so a malformed table or holiday list stops the service at once.
 */
@Startup
@ApplicationScoped
public class Deadlines {

    private final DeadlinePolicies policies;
    private final DeadlineCalculator calculator;

    public Deadlines(DsrConfig config) {
        this.policies = DeadlinePolicies.load();
        this.calculator = new DeadlineCalculator(Holidays.parse(config.holidays().orElse(java.util.List.of())));
    }

    public DeadlinePolicies policies() {
        return policies;
    }

    public DeadlineCalculator calculator() {
        return calculator;
    }
}

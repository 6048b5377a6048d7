package com.privacyplatform.breach.emergency;

import com.privacyplatform.breach.emergency.EmergencyOrderRequests.OrderRequest;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The limits each kind of order needs, and nothing it does not; a period is an ISO 8601 duration. */
@ApplicationScoped
public class EmergencyOrderValidation {

    static final Duration MIN_PERIOD = Duration.ofSeconds(1);
    static final Duration MAX_PERIOD = Duration.ofDays(1);

    private final PlatformClock clock;

    public EmergencyOrderValidation(PlatformClock clock) {
        this.clock = clock;
    }

    public void check(OrderRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean flow = r.kind() == EmergencyOrderKind.FLOW_RESTRAINT;
        boolean frequency = r.kind() == EmergencyOrderKind.FREQUENCY_RESTRAINT;
        if (flow && r.requestsPerSecond() == null) {
            errors.add(new Problem.FieldError("requestsPerSecond", "is required for FLOW_RESTRAINT"));
        }
        if (!flow && r.requestsPerSecond() != null) {
            errors.add(new Problem.FieldError("requestsPerSecond", "applies to FLOW_RESTRAINT only"));
        }
        if (frequency && r.requestsPerPeriod() == null) {
            errors.add(new Problem.FieldError("requestsPerPeriod", "is required for FREQUENCY_RESTRAINT"));
        }
        if (frequency && (r.period() == null || r.period().isBlank())) {
            errors.add(new Problem.FieldError("period", "is required for FREQUENCY_RESTRAINT"));
        }
        if (!frequency && r.requestsPerPeriod() != null) {
            errors.add(new Problem.FieldError("requestsPerPeriod", "applies to FREQUENCY_RESTRAINT only"));
        }
        if (!frequency && r.period() != null) {
            errors.add(new Problem.FieldError("period", "applies to FREQUENCY_RESTRAINT only"));
        }
        if (frequency && r.period() != null && !r.period().isBlank()) {
            checkPeriod(r.period().strip(), errors);
        }
        if (r.expiresAt() != null && !r.expiresAt().isAfter(clock.now())) {
            errors.add(new Problem.FieldError("expiresAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors.size() + " field(s) failed validation", errors);
        }
    }

    private static void checkPeriod(String period, List<Problem.FieldError> errors) {
        try {
            Duration d = Duration.parse(period);
            if (d.compareTo(MIN_PERIOD) < 0 || d.compareTo(MAX_PERIOD) > 0) {
                errors.add(new Problem.FieldError("period", "must be between PT1S and P1D"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError("period", "must be an ISO 8601 duration such as PT1M"));
        }
    }
}

package com.privacyplatform.breach.duty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Escalation events of notification duties (CloudEvents {@code data}); ids and facts only. */
@RegisterForReflection(targets = DutyEvents.DutyNotice.class)
public final class DutyEvents {

    /** A pending duty entered its warning window: it is about to lapse. */
    public static final String DUE = "breach.duty-due";
    /** A pending duty passed its due time. */
    public static final String LAPSED = "breach.duty-lapsed";

    private DutyEvents() {
    }

    public record DutyNotice(UUID incidentId, UUID partnerId, UUID dutyId, String ruleId, String regime,
            List<String> jurisdictions, Recipient recipient, String source, Instant dueAt, Instant at) {
    }
}

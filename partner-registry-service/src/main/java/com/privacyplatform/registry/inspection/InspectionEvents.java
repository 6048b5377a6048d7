package com.privacyplatform.registry.inspection;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.UUID;

/** Event records of self-inspections (CloudEvents {@code data}); ids and facts only. */
public final class InspectionEvents {

    /** 3.4.e: a partner's self-inspection is past due; emitted once per due date. */
    public static final String OVERDUE = "partner.inspection-overdue";

    private InspectionEvents() {
    }

    /** {@code lastPeriodEnd} is null when the partner never reported (due counted from activation). */
    @RegisterForReflection // serialized by the outbox's ObjectMapper, also in native images
    public record InspectionOverdue(UUID partnerId, LocalDate dueOn, LocalDate lastPeriodEnd) {
    }
}

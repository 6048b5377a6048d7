package com.privacyplatform.registry.inspection;

import com.privacyplatform.api.events.PartnerStatus;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * 3.4.e: when a partner's next self-inspection falls due - {@code intervalMonths} after the end of
 * the latest reported period, or after the first activation when it never reported.
 */
public record InspectionDue(UUID partnerId, String legalName, PartnerStatus partnerStatus, LocalDate lastPeriodEnd,
        LocalDate dueOn) {

    /** Only partners that process data (ACTIVE, or SUSPENDED and still holding it) owe inspections. */
    public boolean applies() {
        return partnerStatus == PartnerStatus.ACTIVE || partnerStatus == PartnerStatus.SUSPENDED;
    }

    public boolean overdueOn(LocalDate today) {
        return applies() && dueOn.isBefore(today);
    }

    public long daysOverdue(LocalDate today) {
        return overdueOn(today) ? ChronoUnit.DAYS.between(dueOn, today) : 0;
    }
}

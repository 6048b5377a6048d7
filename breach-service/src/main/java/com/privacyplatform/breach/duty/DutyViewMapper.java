package com.privacyplatform.breach.duty;

import com.privacyplatform.breach.text.FreeText;
import com.privacyplatform.commons.time.PlatformClock;
import jakarta.enterprise.context.RequestScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

import static com.privacyplatform.commons.time.Utc.instant;

/** Duty views; the reference and reasons people typed are free text (3.2.d). */
@RequestScoped
public class DutyViewMapper {

    private final FreeText text;
    private final PlatformClock clock;

    public DutyViewMapper(FreeText text, PlatformClock clock) {
        this.text = text;
        this.clock = clock;
    }

    public DutyView view(NotificationDuty d, UUID partnerId) {
        OffsetDateTime now = clock.now();
        return new DutyView(d.id, d.incidentId, d.ruleId, d.ruleVersion, d.regime, d.jurisdictions(), d.recipient,
                d.title, d.source, d.window, d.windowBasis, instant(d.dueAt), instant(d.warnAt), d.state,
                d.isOverdue(now), d.isLate(), text.show(d.reference, partnerId), instant(d.completedAt),
                d.isSystemDecided() ? d.notRequiredReason : text.show(d.notRequiredReason, partnerId), d.decidedBy,
                instant(d.dueNotifiedAt), instant(d.lapsedNotifiedAt));
    }
}

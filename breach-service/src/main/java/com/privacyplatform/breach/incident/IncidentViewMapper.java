package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.assessment.SeverityRules;
import com.privacyplatform.breach.duty.DutyPlanner;
import com.privacyplatform.breach.incident.IncidentViews.AssessmentView;
import com.privacyplatform.breach.incident.IncidentViews.DutySummary;
import com.privacyplatform.breach.incident.IncidentViews.IncidentView;
import com.privacyplatform.breach.incident.IncidentViews.OverrideView;
import com.privacyplatform.breach.text.FreeText;
import jakarta.enterprise.context.RequestScoped;

import static com.privacyplatform.commons.time.Utc.instant;

/** Incident views for the current caller: free text in clear for the reporting partner only (3.2.d). */
@RequestScoped
public class IncidentViewMapper {

    private final FreeText text;
    private final DutyPlanner planner;

    public IncidentViewMapper(FreeText text, DutyPlanner planner) {
        this.text = text;
        this.planner = planner;
    }

    public IncidentView view(Incident i, DutySummary duties) {
        OverrideView override = i.overrideSeverity == null ? null : new OverrideView(i.overrideSeverity,
                text.show(i.overrideJustification, i.partnerId), i.overriddenBy, instant(i.overriddenAt));
        return new IncidentView(i.id, i.partnerId, i.state, i.kind, i.severity, instant(i.discoveredAt),
                instant(i.occurredAt), instant(i.reportedAt), i.lateReport, IncidentService.reportDelay(i).toString(),
                text.show(i.description, i.partnerId), i.categories(), SeverityRules.sensitiveCategories(i.categories()),
                i.sensitiveData, i.dataEncrypted, i.affectedSubjects, text.show(i.containmentMeasures, i.partnerId),
                i.jurisdictions(), planner.unmodelled(i.jurisdictions()),
                new AssessmentView(i.derivedSeverity, i.severityReasons(), override), duties, i.updateCount,
                instant(i.closedAt), text.show(i.remediationSummary, i.partnerId), instant(i.createdAt),
                instant(i.updatedAt), i.version);
    }
}

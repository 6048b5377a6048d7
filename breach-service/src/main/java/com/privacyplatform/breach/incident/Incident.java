package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.assessment.Severity;
import com.privacyplatform.breach.assessment.SeverityReason;
import com.privacyplatform.breach.support.JsonColumns;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An incident a partner reported (5.1): the facts as last updated (phased reporting), the derived
 * severity with its reasons and an officer's override, and closure with a remediation summary.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentState state;

    /** The partner's awareness: every clock runs from it. */
    @Column(name = "discovered_at", nullable = false)
    public OffsetDateTime discoveredAt;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;

    @Column(name = "late_report", nullable = false)
    public boolean lateReport;

    /** Free text of the partner; may contain personal values (shown masked to others, 3.2.d). */
    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String categories;

    @Column(name = "affected_subjects")
    public Long affectedSubjects;

    @Column(name = "sensitive_data", nullable = false)
    public boolean sensitiveData;

    @Column(name = "data_encrypted")
    public Boolean dataEncrypted;

    @Column(name = "containment_measures")
    public String containmentMeasures;

    @Column(nullable = false)
    public String jurisdictions;

    @Enumerated(EnumType.STRING)
    @Column(name = "derived_severity", nullable = false)
    public Severity derivedSeverity;

    @Column(name = "severity_reasons", nullable = false)
    public String severityReasons;

    @Enumerated(EnumType.STRING)
    @Column(name = "override_severity")
    public Severity overrideSeverity;

    @Column(name = "override_justification")
    public String overrideJustification;

    @Column(name = "overridden_by")
    public String overriddenBy;

    @Column(name = "overridden_at")
    public OffsetDateTime overriddenAt;

    /** The effective severity: the override when there is one, else the derived one. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(name = "update_count", nullable = false)
    public int updateCount;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "remediation_summary")
    public String remediationSummary;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public List<String> categories() {
        return JsonColumns.strings(categories);
    }

    public void categories(List<String> values) {
        categories = JsonColumns.write(values);
    }

    public List<String> jurisdictions() {
        return JsonColumns.strings(jurisdictions);
    }

    public void jurisdictions(List<String> values) {
        jurisdictions = JsonColumns.write(values);
    }

    public List<SeverityReason> severityReasons() {
        return JsonColumns.list(severityReasons, SeverityReason.class);
    }

    public boolean isOpen() {
        return state == IncidentState.OPEN;
    }
}

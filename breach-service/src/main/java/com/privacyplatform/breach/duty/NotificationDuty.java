package com.privacyplatform.breach.duty;

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
 * One notification duty of one incident, copied from the duty table when planned (rule id and
 * version, source, window), with its clock, state and the once-only escalation marks.
 */
@Entity
@Table(name = "notification_duty")
public class NotificationDuty extends PanacheEntityBase {

    /** {@code decidedBy} of states the rules set (as opposed to an officer's waiver). */
    public static final String SYSTEM = "system";

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(name = "rule_version", nullable = false)
    public String ruleVersion;

    @Column(nullable = false)
    public String regime;

    @Column(nullable = false)
    public String jurisdictions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Recipient recipient;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String source;

    @Column(name = "due_window", nullable = false)
    public String window;

    @Column(name = "window_basis", nullable = false)
    public String windowBasis;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Column(name = "warn_at", nullable = false)
    public OffsetDateTime warnAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DutyState state;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "not_required_reason")
    public String notRequiredReason;

    @Column
    public String reference;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "due_notified_at")
    public OffsetDateTime dueNotifiedAt;

    @Column(name = "lapsed_notified_at")
    public OffsetDateTime lapsedNotifiedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public List<String> jurisdictions() {
        return JsonColumns.strings(jurisdictions);
    }

    public boolean isPending() {
        return state == DutyState.PENDING;
    }

    public boolean isOverdue(OffsetDateTime now) {
        return isPending() && now.isAfter(dueAt);
    }

    /** Done after its due time. */
    public boolean isLate() {
        return state == DutyState.DONE && completedAt != null && completedAt.isAfter(dueAt);
    }

    public boolean isSystemDecided() {
        return SYSTEM.equals(decidedBy);
    }
}

package com.privacyplatform.registry.assessment;

import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.registry.assessment.AssessmentViews.AuditView;
import com.privacyplatform.registry.assessment.AssessmentViews.FindingView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Builds audit and finding views; whether a finding is overdue goes by the platform clock's day. */
@ApplicationScoped
class AssessmentMapper {

    private final PlatformClock clock;

    AssessmentMapper(PlatformClock clock) {
        this.clock = clock;
    }

    AuditView view(Assessment a, List<AuditFinding> findings) {
        LocalDate today = clock.today();
        return new AuditView(a.id, a.partnerId, a.status, instant(a.scheduledStart), instant(a.noticeGivenAt),
                a.scope, a.thirdPartyAuditor, findings.stream().map(f -> view(f, today)).toList(), a.closureSummary,
                instant(a.closedAt), a.costBearer, a.scheduledBy, instant(a.createdAt), instant(a.updatedAt),
                a.version);
    }

    FindingView view(AuditFinding f) {
        return view(f, clock.today());
    }

    /** 4.3: overdue = past the deadline and still waiting for the partner. */
    static boolean overdue(AuditFinding f, LocalDate today) {
        return f.status.awaitsPartner() && f.rectificationDue.isBefore(today);
    }

    private static FindingView view(AuditFinding f, LocalDate today) {
        return new FindingView(f.id, f.assessmentId, f.partnerId, f.severity, f.material, f.description,
                f.rectificationDue, f.status, overdue(f, today), f.rectificationSummary,
                instant(f.rectificationSubmittedAt), f.verificationNote, instant(f.verifiedAt), instant(f.recordedAt),
                f.version);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

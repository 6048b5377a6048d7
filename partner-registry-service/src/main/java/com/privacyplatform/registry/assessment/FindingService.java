package com.privacyplatform.registry.assessment;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.registry.assessment.AssessmentRequests.FindingRequest;
import com.privacyplatform.registry.assessment.AssessmentRequests.RectificationRequest;
import com.privacyplatform.registry.assessment.AssessmentRequests.VerificationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** 4.3: audit findings and their rectification within the specified time limit, verified by an officer. */
@ApplicationScoped
public class FindingService {

    private final AssessmentService assessments;
    private final FindingRepository findings;
    private final AuditTrail audit;
    private final Caller caller;
    private final PlatformClock clock;
    private final Changes changes;

    public FindingService(AssessmentService assessments, FindingRepository findings, AuditTrail audit, Caller caller,
            PlatformClock clock, Changes changes) {
        this.assessments = assessments;
        this.findings = findings;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
        this.changes = changes;
    }

    /** Call inside a transaction. Touches the audit so a concurrent closure fails on its version. */
    @Enforces({"4.1", "4.3"})
    public Uni<AuditFinding> record(UUID partnerId, UUID auditId, FindingRequest request) {
        if (!request.rectificationDue().isAfter(clock.today())) {
            throw ProblemException.validation("the rectification deadline has passed already",
                    List.of(new Problem.FieldError("rectificationDue", "must be a day after today")));
        }
        return assessments.load(partnerId, auditId).chain(a -> {
            AssessmentService.requireOpen(a);
            assessments.requireStarted(a);
            OffsetDateTime now = clock.now();
            AuditFinding f = new AuditFinding();
            f.id = Ids.newId();
            f.assessmentId = a.id;
            f.partnerId = a.partnerId;
            f.severity = request.severity();
            f.material = request.material();
            f.description = request.description().strip();
            f.rectificationDue = request.rectificationDue();
            f.status = FindingStatus.OPEN;
            f.recordedAt = now;
            f.updatedAt = now;
            a.updatedAt = now;
            return findings.persist(f)
                    .call(() -> audit.record(caller.auditActor(), "audit-finding.recorded", "audit-finding",
                            f.id.toString(), "{\"auditId\":\"" + a.id + "\",\"severity\":\"" + f.severity
                                    + "\",\"material\":" + f.material + "}"))
                    .call(findings::flush);
        });
    }

    /** 4.3: the partner reports what it did to rectify the finding. */
    @Enforces("4.3")
    public Uni<AuditFinding> rectify(UUID partnerId, UUID auditId, UUID findingId, String ifMatch,
            RectificationRequest request) {
        return changes.apply(load(partnerId, auditId, findingId), f -> f.version, ifMatch, f -> {
            if (!f.status.awaitsPartner()) {
                throw ProblemException.conflict("the finding is " + f.status + "; it awaits no rectification");
            }
            f.status = FindingStatus.RECTIFICATION_SUBMITTED;
            f.rectificationSummary = request.summary().strip();
            f.rectificationSubmittedAt = clock.now();
            f.updatedAt = f.rectificationSubmittedAt;
            return changed(f, "audit-finding.rectification-submitted");
        });
    }

    /** 4.3: the officer accepts the rectification (VERIFIED) or reopens the finding with a note. */
    @Enforces("4.3")
    public Uni<AuditFinding> verify(UUID partnerId, UUID auditId, UUID findingId, String ifMatch,
            VerificationRequest request) {
        boolean accepted = request.accepted();
        if (!accepted && (request.note() == null || request.note().isBlank())) {
            throw ProblemException.validation("say why the rectification is not accepted",
                    List.of(new Problem.FieldError("note", "is required when accepted is false")));
        }
        return changes.apply(load(partnerId, auditId, findingId), f -> f.version, ifMatch, f -> {
            if (f.status != FindingStatus.RECTIFICATION_SUBMITTED) {
                throw ProblemException.conflict("the finding is " + f.status + "; only a submitted rectification"
                        + " can be verified");
            }
            f.status = accepted ? FindingStatus.VERIFIED : FindingStatus.REOPENED;
            f.verificationNote = request.note() == null || request.note().isBlank() ? null : request.note().strip();
            f.verifiedAt = clock.now();
            f.updatedAt = f.verifiedAt;
            return changed(f, accepted ? "audit-finding.verified" : "audit-finding.reopened");
        });
    }

    public Uni<AuditFinding> load(UUID partnerId, UUID auditId, UUID findingId) {
        return assessments.load(partnerId, auditId).chain(a -> findings.findForAudit(a.id, findingId))
                .invoke(f -> caller.requireVisible(f != null, "audit finding"));
    }

    private static Uni<AuditTrail.Entry> changed(AuditFinding f, String action) {
        return Changes.audited(action, "audit-finding", f.id,
                "{\"auditId\":\"" + f.assessmentId + "\",\"status\":\"" + f.status + "\"}");
    }
}

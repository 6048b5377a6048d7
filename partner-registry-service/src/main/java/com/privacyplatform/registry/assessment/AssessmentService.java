package com.privacyplatform.registry.assessment;

import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.problem.Problem;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.commons.time.Utc;
import com.privacyplatform.registry.assessment.AssessmentRequests.ClosureRequest;
import com.privacyplatform.registry.assessment.AssessmentRequests.ScheduleRequest;
import com.privacyplatform.registry.config.RegistryConfig;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.partner.PartnerService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Audits of partners (4.1, 4.2): scheduling with advance notice (4.4) and closure with the cost bearer (4.5). */
@ApplicationScoped
public class AssessmentService {

    private final PartnerService partners;
    private final AssessmentRepository assessments;
    private final FindingRepository findings;
    private final RegistryConfig config;
    private final AuditTrail audit;
    private final Caller caller;
    private final PlatformClock clock;
    private final Changes changes;

    public AssessmentService(PartnerService partners, AssessmentRepository assessments, FindingRepository findings,
            RegistryConfig config, AuditTrail audit, Caller caller, PlatformClock clock, Changes changes) {
        this.partners = partners;
        this.assessments = assessments;
        this.findings = findings;
        this.config = config;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
        this.changes = changes;
    }

    /** Call inside a transaction. */
    @Enforces({"4.1", "4.2"})
    public Uni<Assessment> schedule(UUID partnerId, ScheduleRequest request) {
        OffsetDateTime now = clock.now();
        requireNotice(now, request.scheduledStart());
        return partners.load(partnerId).chain(p -> {
            requireNotTerminated(p);
            Assessment a = new Assessment();
            a.id = Ids.newId();
            a.partnerId = p.id;
            a.status = AssessmentStatus.SCHEDULED;
            a.scheduledStart = Utc.utc(request.scheduledStart());
            a.noticeGivenAt = now;
            a.scope = request.scope().strip();
            a.thirdPartyAuditor = blankToNull(request.thirdPartyAuditor());
            a.scheduledBy = caller.auditActor().actor();
            a.createdAt = now;
            a.updatedAt = now;
            String details = "{\"partnerId\":\"" + p.id + "\",\"scheduledStart\":\"" + a.scheduledStart.toInstant()
                    + "\",\"thirdParty\":" + (a.thirdPartyAuditor != null) + "}";
            return assessments.persist(a)
                    .call(() -> audit.record(caller.auditActor(), "audit.scheduled", "audit", a.id.toString(), details))
                    .call(assessments::flush);
        });
    }

    /** Closes the audit once no finding awaits the partner; derives who bears the cost (4.5). */
    public Uni<Assessment> close(UUID partnerId, UUID auditId, String ifMatch, ClosureRequest request) {
        return changes.apply(load(partnerId, auditId), a -> a.version, ifMatch, a -> {
            requireOpen(a);
            requireStarted(a);
            return findings.countAwaitingPartner(a.id).chain(awaiting -> {
                if (awaiting > 0) {
                    throw ProblemException.conflict(awaiting + " finding(s) still await rectification by the partner;"
                            + " the audit can close when every finding is rectified or verified");
                }
                return findings.countMaterial(a.id);
            }).chain(material -> {
                OffsetDateTime now = clock.now();
                a.status = AssessmentStatus.CLOSED;
                a.costBearer = costBearer(material);
                a.closureSummary = request.summary().strip();
                a.closedAt = now;
                a.updatedAt = now;
                return Changes.audited("audit.closed", "audit", a.id,
                        "{\"costBearer\":\"" + a.costBearer + "\",\"materialFindings\":" + material + "}");
            });
        });
    }

    /** The partner's audit, visible to the caller, else 404. */
    public Uni<Assessment> load(UUID partnerId, UUID auditId) {
        return partners.load(partnerId).chain(p -> assessments.findForPartner(p.id, auditId))
                .invoke(a -> caller.requireVisible(a != null, "audit"));
    }

    /** 4.5: the platform bears the cost when no material defect is found; otherwise the partner. */
    @Enforces("4.5")
    static CostBearer costBearer(long materialFindings) {
        return materialFindings == 0 ? CostBearer.PLATFORM : CostBearer.PARTNER;
    }

    /** 4.4: reasonable advance notice before an audit. */
    @Enforces("4.4")
    void requireNotice(OffsetDateTime now, OffsetDateTime start) {
        Duration minimum = config.audit().minimumNotice();
        if (Duration.between(now, start).compareTo(minimum) < 0) {
            throw ProblemException.policy("4.4", "notice-too-short", "Advance notice too short",
                    "an audit needs at least " + minimum + " of advance notice; the earliest start now is "
                            + now.plus(minimum).toInstant(),
                    List.of(new Problem.FieldError("scheduledStart", "must be at least " + minimum + " from now")));
        }
    }

    static void requireOpen(Assessment a) {
        if (a.status == AssessmentStatus.CLOSED) {
            throw ProblemException.conflict("the audit is CLOSED");
        }
    }

    /** 4.4: nothing is recorded against the partner before the notified start. */
    @Enforces("4.4")
    void requireStarted(Assessment a) {
        if (clock.now().isBefore(a.scheduledStart)) {
            throw ProblemException.conflict("the audit starts at " + a.scheduledStart.toInstant()
                    + " as notified; it cannot record findings or close before");
        }
    }

    private static void requireNotTerminated(Partner p) {
        if (p.status == PartnerStatus.TERMINATED) {
            throw ProblemException.conflict("the partner is TERMINATED; no new audits");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

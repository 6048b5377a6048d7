package com.privacyplatform.dsr.workflow;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.holding.HoldingRepository;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestRepository;
import com.privacyplatform.dsr.request.RequestStatus;
import com.privacyplatform.dsr.request.Timeline;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/**
 * The subject's answer to a request a partner submitted on their behalf: confirmed, the clock runs
 * from now and the work starts (or it is linked to the same request the subject already has open);
 * declined, it closes without any task. Call inside a transaction with the request row locked.
 */
@ApplicationScoped
public class Confirmations {

    private final RequestRepository requests;
    private final HoldingRepository holdings;
    private final RequestRecords records;
    private final WorkStarter work;
    private final DeadlineAssignment deadlines;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final PlatformClock clock;

    public Confirmations(RequestRepository requests, HoldingRepository holdings, RequestRecords records,
            WorkStarter work, DeadlineAssignment deadlines, Timeline timeline, AuditTrail audit, PlatformClock clock) {
        this.requests = requests;
        this.holdings = holdings;
        this.records = records;
        this.work = work;
        this.deadlines = deadlines;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<DsrRequest> answer(DsrRequest r, boolean confirmed, AuditActor actor) {
        if (r.status != RequestStatus.AWAITING_SUBJECT_CONFIRMATION) {
            throw ProblemException.conflict("the request is " + r.status + "; only a request awaiting the subject's"
                    + " confirmation can be confirmed or declined");
        }
        if (!confirmed) {
            r.status = RequestStatus.DECLINED;
            r.completedAt = clock.now();
            r.updatedAt = r.completedAt;
            return timeline.add(r.id, Timeline.DECLINED, actor.actor(), null)
                    .call(() -> audit.record(actor, "dsr-request.declined", "dsr-request", r.id.toString(), null))
                    .replaceWith(r);
        }
        return requests.lockSubject(r.subjectId)
                .chain(() -> requests.openDuplicate(r.subjectId, r.fingerprint, r.id))
                .chain(original -> original != null ? relink(r, original, actor) : start(r, actor));
    }

    /** The clock starts now (receipt of a valid request); deadlines follow the holdings as they are now. */
    private Uni<DsrRequest> start(DsrRequest r, AuditActor actor) {
        OffsetDateTime receivedAt = clock.now();
        return holdings.ofSubject(r.subjectId)
                .chain(held -> work.prepare(r, held, Addressees.of(r)))
                .chain(planned -> deadlines.schedule(r, receivedAt, planned))
                .chain(scheduled -> {
                    deadlines.apply(r, receivedAt, scheduled);
                    r.status = RequestStatus.OPEN;
                    return timeline.add(r.id, Timeline.CONFIRMED, actor.actor(), "{\"dueOn\":\"" + r.dueOn + "\"}")
                            .call(() -> audit.record(actor, "dsr-request.confirmed", "dsr-request", r.id.toString(),
                                    null))
                            .chain(() -> requests.flush())
                            .chain(() -> work.start(r, scheduled, Addressees.of(r), actor));
                })
                .replaceWith(r);
    }

    /** Confirmed while the subject already has the same request open: follow that one instead. */
    private Uni<DsrRequest> relink(DsrRequest r, DsrRequest original, AuditActor actor) {
        return timeline.add(r.id, Timeline.CONFIRMED, actor.actor(), null)
                .call(() -> audit.record(actor, "dsr-request.confirmed", "dsr-request", r.id.toString(), null))
                .chain(() -> records.link(r, original, actor, false));
    }
}

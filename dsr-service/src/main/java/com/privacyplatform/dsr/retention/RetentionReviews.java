package com.privacyplatform.dsr.retention;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.events.DsrEvents;
import com.privacyplatform.dsr.retention.RetentionRequests.ReviewRequest;
import com.privacyplatform.dsr.support.Details;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * 3.5.d: the compliance officer decides on a partner's legal-obligation retention basis before the
 * termination fan-out honours it. Approved or refused once; audited; announced through the outbox.
 */
@ApplicationScoped
public class RetentionReviews {

    private final RetentionBasisRepository bases;
    private final Outbox outbox;
    private final Changes changes;
    private final Caller caller;
    private final PlatformClock clock;

    public RetentionReviews(RetentionBasisRepository bases, Outbox outbox, Changes changes, Caller caller,
            PlatformClock clock) {
        this.bases = bases;
        this.outbox = outbox;
        this.changes = changes;
        this.caller = caller;
        this.clock = clock;
    }

    @Enforces(value = "3.5.d", note = "a legal obligation exempts data from deletion only once an officer approved it")
    public Uni<RetentionBasis> decide(UUID partnerId, UUID basisId, String ifMatch, boolean approve,
            ReviewRequest request) {
        String cleanNote = ReviewRequest.noteOf(request, approve);
        Uni<RetentionBasis> loaded = bases.findById(basisId)
                .invoke(b -> caller.requireVisible(b != null && b.partnerId.equals(partnerId), "retention basis"));
        return changes.apply(loaded, b -> b.version, ifMatch, b -> {
            if (b.status != RetentionStatus.PENDING_REVIEW) {
                throw ProblemException.conflict("the retention basis is " + b.status + "; only a legal obligation"
                        + " pending review is approved or refused");
            }
            b.status = approve ? RetentionStatus.APPROVED : RetentionStatus.REFUSED;
            b.reviewedBy = caller.auditActor().actor();
            b.reviewedAt = clock.now();
            b.reviewNote = cleanNote;
            DsrEvents.RetentionBasisReviewed event = new DsrEvents.RetentionBasisReviewed(b.id, b.partnerId,
                    b.subjectId, b.category, b.legalBasis, b.retentionPeriod, b.status.name(),
                    b.reviewedAt.toInstant());
            return outbox.publish(DsrEvents.RETENTION_BASIS_REVIEWED, b.id.toString(), event)
                    .chain(() -> Changes.audited(approve ? "retention-basis.approved" : "retention-basis.refused",
                            "retention-basis", b.id, Details.of("partnerId", b.partnerId,
                                    "retentionPeriod", b.retentionPeriod)));
        });
    }
}

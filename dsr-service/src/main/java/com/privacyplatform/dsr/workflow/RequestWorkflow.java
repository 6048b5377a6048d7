package com.privacyplatform.dsr.workflow;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.dsr.holding.ConsentHolding;
import com.privacyplatform.dsr.holding.HoldingRepository;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestOrigin;
import com.privacyplatform.dsr.request.RequestRepository;
import com.privacyplatform.dsr.request.RequestStatus;
import com.privacyplatform.dsr.request.Timeline;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Opening requests, whoever asks (the subject, a partner on the subject's behalf, the platform):
 * duplicate detection, deadlines and the start of the work. Independent of the HTTP caller, so
 * event consumers and tests use it too. Call inside a transaction.
 */
@ApplicationScoped
public class RequestWorkflow {

    private final RequestRepository requests;
    private final HoldingRepository holdings;
    private final RequestRecords records;
    private final WorkStarter work;
    private final DeadlineAssignment deadlines;

    public RequestWorkflow(RequestRepository requests, HoldingRepository holdings, RequestRecords records,
            WorkStarter work, DeadlineAssignment deadlines) {
        this.requests = requests;
        this.holdings = holdings;
        this.records = records;
        this.work = work;
        this.deadlines = deadlines;
    }

    /**
     * A subject's own request starts at once, or is linked when the subject has the same request
     * open. A partner's waits for the subject's confirmation and is linked only to the same partner's
     * own submission still awaiting it (a partner learns nothing of other requests).
     */
    @Enforces(value = {"3.5.a", "1.2"}, note = "the subject's channel to access, correct, delete and revoke")
    public Uni<DsrRequest> submit(Submission s) {
        String fingerprint = records.fingerprint(s);
        boolean byPartner = s.origin() == RequestOrigin.PARTNER;
        return requests.lockSubject(s.subjectId())
                .chain(() -> holdings.ofSubject(s.subjectId()))
                .invoke(held -> Addressees.requireHolders(s, held))
                .chain(held -> (byPartner
                                ? requests.awaitingDuplicate(s.subjectId(), fingerprint, s.onBehalfPartnerId())
                                : requests.openDuplicate(s.subjectId(), fingerprint, Ids.newId()))
                        .chain(original -> original != null
                                ? records.link(records.newRequest(s, RequestStatus.LINKED), original, s.actor(), true)
                                : open(s, held, byPartner)));
    }

    /** A new request: the subject's starts its clock at submission; a partner's waits for confirmation. */
    private Uni<DsrRequest> open(Submission s, List<ConsentHolding> held, boolean byPartner) {
        DsrRequest r = records.newRequest(s, byPartner ? RequestStatus.AWAITING_SUBJECT_CONFIRMATION
                : RequestStatus.OPEN);
        return work.prepare(r, held, s.partnerIds())
                .chain(planned -> deadlines.schedule(r, r.submittedAt, planned))
                .chain(scheduled -> {
                    if (byPartner) {
                        deadlines.preview(r, scheduled);
                        return records.persist(r, s.actor(), Timeline.AWAITING_CONFIRMATION);
                    }
                    deadlines.apply(r, r.submittedAt, scheduled);
                    return records.persist(r, s.actor(), Timeline.SUBMITTED)
                            .call(() -> work.start(r, scheduled, s.partnerIds(), s.actor()));
                });
    }
}

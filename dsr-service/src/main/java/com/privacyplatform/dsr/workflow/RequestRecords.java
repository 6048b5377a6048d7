package com.privacyplatform.dsr.workflow;

import com.privacyplatform.commons.audit.AuditActor;
import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.events.Outbox;
import com.privacyplatform.commons.ids.Ids;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.crypto.ValueCipher;
import com.privacyplatform.dsr.deadline.Deadlines;
import com.privacyplatform.dsr.events.DsrEvents;
import com.privacyplatform.dsr.request.CorrectionSeal;
import com.privacyplatform.dsr.request.DsrRequest;
import com.privacyplatform.dsr.request.RequestRepository;
import com.privacyplatform.dsr.request.RequestStatus;
import com.privacyplatform.dsr.request.Timeline;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Creating, storing and linking request rows; shared by submission, confirmation and orders. */
@ApplicationScoped
public class RequestRecords {

    private final RequestRepository requests;
    private final Fingerprints fingerprints;
    private final CorrectionSeal corrections;
    private final Deadlines deadlines;
    private final Outbox outbox;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final PlatformClock clock;

    public RequestRecords(RequestRepository requests, ValueCipher cipher, CorrectionSeal corrections,
            Deadlines deadlines, Outbox outbox, Timeline timeline, AuditTrail audit, PlatformClock clock) {
        this.requests = requests;
        this.fingerprints = new Fingerprints(cipher);
        this.corrections = corrections;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    String fingerprint(Submission s) {
        return fingerprints.of(s);
    }

    DsrRequest newRequest(Submission s, RequestStatus status) {
        DsrRequest r = new DsrRequest();
        r.id = Ids.newId();
        r.subjectId = s.subjectId();
        r.type = s.type();
        r.origin = s.origin();
        r.originRef = s.originRef();
        r.status = status;
        r.submittedBy = s.actor().actor();
        r.onBehalfPartnerId = s.onBehalfPartnerId();
        r.requestedPartnerIds = s.partnerIds() == null ? null : s.partnerIds().stream().map(UUID::toString).toList();
        r.jurisdictions = List.of();
        r.policyVersion = deadlines.policies().version(); // the policy itself: DeadlineAssignment, or the original
        r.fingerprint = fingerprints.of(s);
        r.submittedAt = clock.now();
        r.updatedAt = r.submittedAt;
        corrections.seal(r, s.corrections());
        return r;
    }

    /** Stores a new request with its dsr.submitted event, first timeline entry and audit record. */
    Uni<DsrRequest> persist(DsrRequest r, AuditActor actor, String timelineKind) {
        String detail = submittedDetail(r);
        return requests.persistAndFlush(r)
                .call(() -> outbox.publish(DsrEvents.SUBMITTED, r.id.toString(), submitted(r)))
                .call(() -> timeline.add(r.id, timelineKind, actor.actor(), detail))
                .call(() -> audit.record(actor, "dsr-request.submitted", "dsr-request", r.id.toString(), detail));
    }

    static DsrEvents.Submitted submitted(DsrRequest r) {
        return new DsrEvents.Submitted(r.id, r.subjectId, r.type.name(), r.origin.name(),
                r.status.name(), r.linkedRequestId, r.onBehalfPartnerId, r.jurisdiction, r.jurisdictions, r.policyId,
                r.dueOn, r.submittedAt.toInstant());
    }

    static String submittedDetail(DsrRequest r) {
        return "{\"type\":\"" + r.type + "\",\"origin\":\"" + r.origin + "\",\"status\":\"" + r.status + "\"}";
    }

    /** A duplicate is kept for the record and linked to the open original, never fanned out twice. */
    Uni<DsrRequest> link(DsrRequest r, DsrRequest original, AuditActor actor, boolean isNew) {
        r.status = RequestStatus.LINKED;
        r.linkedRequestId = original.id;
        r.receivedAt = original.receivedAt;
        r.dueOn = original.dueOn;
        r.originalDueOn = original.originalDueOn;
        r.policyId = original.policyId;
        r.policyVersion = original.policyVersion;
        r.jurisdiction = original.jurisdiction;
        r.jurisdictions = original.jurisdictions;
        Uni<DsrRequest> stored = isNew ? persist(r, actor, Timeline.LINKED)
                : timeline.add(r.id, Timeline.LINKED, actor.actor(), null).replaceWith(r);
        return stored.call(() -> timeline.add(original.id, Timeline.DUPLICATE_RECEIVED, actor.actor(),
                "{\"duplicateId\":\"" + r.id + "\"}"));
    }

}

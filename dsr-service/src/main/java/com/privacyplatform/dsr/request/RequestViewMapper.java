package com.privacyplatform.dsr.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.commons.time.Utc;
import com.privacyplatform.dsr.deadline.DeadlinePolicy;
import com.privacyplatform.dsr.deadline.Deadlines;
import com.privacyplatform.dsr.request.RequestViews.ExportSummaryView;
import com.privacyplatform.dsr.request.RequestViews.ExtensionView;
import com.privacyplatform.dsr.request.RequestViews.PolicyView;
import com.privacyplatform.dsr.request.RequestViews.RecipientView;
import com.privacyplatform.dsr.request.RequestViews.RejectionView;
import com.privacyplatform.dsr.request.RequestViews.RequestSummaryView;
import com.privacyplatform.dsr.request.RequestViews.RequestView;
import com.privacyplatform.dsr.request.RequestViews.RevocationView;
import com.privacyplatform.dsr.request.RequestViews.TaskSummaryView;
import com.privacyplatform.dsr.request.RequestViews.TimelineEntryView;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Builds request views for the current caller, masking values it does not own (3.2.d). */
@ApplicationScoped
public class RequestViewMapper {

    private final Caller caller;
    private final CorrectionSeal corrections;
    private final Deadlines deadlines;
    private final ObjectMapper mapper;
    private final PlatformClock clock;

    public RequestViewMapper(Caller caller, CorrectionSeal corrections, Deadlines deadlines, ObjectMapper mapper,
            PlatformClock clock) {
        this.caller = caller;
        this.corrections = corrections;
        this.deadlines = deadlines;
        this.mapper = mapper;
        this.clock = clock;
    }

    public RequestView view(DsrRequest r, List<DsrTask> tasks, RevocationView revocation, ExportSummaryView export) {
        LocalDate today = clock.today();
        OffsetDateTime now = clock.now();
        DeadlinePolicy policy = deadlines.policies().byId(r.policyId);
        ExtensionView extension = r.extendedAt == null ? null
                : new ExtensionView(r.extensionReason, r.extendedAt.toInstant(), r.originalDueOn);
        Instant confirmed = r.receiptConfirmationDueOn == null ? null : Utc.instant(r.receivedAt);
        return new RequestView(r.id, r.subjectId, r.type, r.origin, r.status, r.outcome, r.jurisdiction,
                r.jurisdictions, new PolicyView(policy.id(), policy.law(), r.policyVersion),
                Utc.instant(r.submittedAt),
                Utc.instant(r.receivedAt), confirmed, r.receiptConfirmationDueOn, r.dueOn, Utc.endOf(r.dueOn),
                r.originalDueOn, r.isOverdue(today), extension, r.linkedRequestId, r.onBehalfPartnerId,
                r.requestedPartnerIds == null ? null : r.requestedPartnerIds.stream().map(UUID::fromString).toList(),
                correctionsFor(r), tasks.stream().map(t -> summary(t, now)).toList(), revocation, export,
                Utc.instant(r.completedAt), Utc.instant(r.updatedAt), r.version);
    }

    public RequestSummaryView summary(DsrRequest r) {
        return new RequestSummaryView(r.id, r.subjectId, r.type, r.origin, r.status, r.outcome, r.jurisdiction,
                r.policyId, Utc.instant(r.submittedAt), r.dueOn, r.isOverdue(clock.today()), r.extendedAt != null,
                r.linkedRequestId, Utc.instant(r.completedAt));
    }

    public TimelineEntryView view(TimelineEntry e) {
        return new TimelineEntryView(e.at.toInstant(), e.kind, e.actor, e.taskId, e.partnerId, json(e.detail));
    }

    /** 3.2.d: in clear for the subject and the partner that submitted them; masked for oversight. */
    @Enforces("3.2.d")
    List<Correction> correctionsFor(DsrRequest r) {
        List<Correction> values = corrections.open(r);
        return caller.ownsValuesOf(r.subjectId, r.onBehalfPartnerId) ? values : CorrectionMasking.mask(values);
    }

    private TaskSummaryView summary(DsrTask t, OffsetDateTime now) {
        RecipientView recipient = t.recipientName == null ? null : new RecipientView(t.recipientName,
                t.recipientCountry);
        // a rejection in review is not yet an answer to the subject: shown once approved
        RejectionView rejection = t.status == TaskStatus.REJECTED ? RejectionView.of(t) : null;
        return new TaskSummaryView(t.id, t.partnerId, t.kind, recipient, t.categories, t.retainedCategories, t.status,
                t.policyId, t.jurisdiction, t.jurisdictions, t.dueOn, t.dueAt.toInstant(), t.isOverdue(now),
                Utc.instant(t.resolvedAt), t.isLate(), json(t.evidence), rejection);
    }

    public JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}

package com.privacyplatform.dsr.request;

import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.projection.ProjectionSync;
import com.privacyplatform.dsr.export.ExportService;
import com.privacyplatform.dsr.holding.HoldingReconciliation;
import com.privacyplatform.dsr.request.RequestRequests.ConfirmationRequest;
import com.privacyplatform.dsr.request.RequestRequests.SubmitRequest;
import com.privacyplatform.dsr.request.RequestViews.RequestView;
import com.privacyplatform.dsr.request.RequestViews.RevocationView;
import com.privacyplatform.dsr.task.TaskRepository;
import com.privacyplatform.dsr.workflow.Confirmations;
import com.privacyplatform.dsr.workflow.RequestWorkflow;
import com.privacyplatform.dsr.workflow.Revocations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The HTTP side of requests: who may submit, confirm and read what (3.4.f). */
@ApplicationScoped
public class RequestService {

    private final RequestWorkflow workflow;
    private final Confirmations confirmations;
    private final RequestRepository requests;
    private final TaskRepository tasks;
    private final Revocations revocations;
    private final ExportService exports;
    private final RequestViewMapper views;
    private final Caller caller;
    private final ProjectionSync projections;
    private final Changes changes;

    public RequestService(RequestWorkflow workflow, Confirmations confirmations, RequestRepository requests,
            TaskRepository tasks, Revocations revocations, ExportService exports, RequestViewMapper views,
            Caller caller, ProjectionSync projections, Changes changes) {
        this.projections = projections;
        this.changes = changes;
        this.workflow = workflow;
        this.confirmations = confirmations;
        this.requests = requests;
        this.tasks = tasks;
        this.revocations = revocations;
        this.exports = exports;
        this.views = views;
        this.caller = caller;
    }

    public Uni<DsrRequest> submit(SubmitRequest body) {
        return Uni.createFrom().deferred(() -> {
            // the request reaches the partners that hold the subject's data: 503 until the holdings
            // projection is first built from consent-service (issue 18.2)
            projections.requireBuilt(HoldingReconciliation.PROJECTION);
            return workflow.submit(SubmissionRules.of(body, caller));
        });
    }

    public Uni<DsrRequest> confirm(UUID id, String ifMatch, ConfirmationRequest body) {
        Uni<DsrRequest> locked = Uni.createFrom().deferred(() -> {
            projections.requireBuilt(HoldingReconciliation.PROJECTION);
            return requests.lock(id);
        }).invoke(this::requireOwnedBySubject);
        return changes.apply(locked, r -> r.version, ifMatch,
                r -> Changes.trailedBy(confirmations.answer(r, body.confirmed(), caller.auditActor())));
    }

    /** The subject's own request, or any request for oversight; 404 otherwise (existence is not revealed). */
    public Uni<DsrRequest> load(UUID id) {
        return requests.findById(id).invoke(r -> caller.requireVisible(r != null
                && (caller.isOversight() || (caller.isDataSubject() && r.subjectId.equals(caller.subject()))),
                "request"));
    }

    public Uni<RequestView> view(DsrRequest r) {
        return requests.flush()
                .chain(() -> tasks.ofRequest(r.id))
                .chain(list -> progress(r).chain(progress -> exports.summary(r).map(export ->
                        views.view(r, list, progress, export))));
    }

    private Uni<RevocationView> progress(DsrRequest r) {
        if (r.type != RequestType.REVOKE_AUTHORIZATION) {
            return Uni.createFrom().nullItem();
        }
        return revocations.progress(r.id).map(p -> new RevocationView(p[0], p[1]));
    }

    private void requireOwnedBySubject(DsrRequest r) {
        caller.requireVisible(r != null && r.subjectId.equals(caller.subject()), "request");
    }
}

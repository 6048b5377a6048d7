package com.privacyplatform.dsr.request;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Changes.Created;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.dsr.crypto.ValueCipher;
import com.privacyplatform.dsr.request.RequestRepository.RequestFilter;
import com.privacyplatform.dsr.request.RequestRequests.SubmitRequest;
import com.privacyplatform.dsr.request.RequestViews.RequestSummaryView;
import com.privacyplatform.dsr.request.RequestViews.RequestView;
import com.privacyplatform.dsr.request.RequestViews.TimelineEntryView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Data-subject requests (3.5.a): submit, confirm, read, follow, extend. */
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class RequestResource {

    private final RequestService service;
    private final RequestRepository requests;
    private final Timeline timeline;
    private final RequestViewMapper views;
    private final Changes changes;
    private final Idempotency.Replay replay;
    private final Caller caller;
    private final PlatformClock clock;

    public RequestResource(RequestService service, RequestRepository requests, Timeline timeline,
            RequestViewMapper views, Changes changes, ValueCipher cipher, Caller caller, PlatformClock clock) {
        this.service = service;
        this.requests = requests;
        this.timeline = timeline;
        this.views = views;
        this.changes = changes;
        // the request holds correction values and the answer shows them: the idempotency store keeps
        // a keyed fingerprint and the Location only, and a replay renders the request anew
        this.replay = new Idempotency.Replay(cipher::fingerprint, this::replayed);
        this.caller = caller;
        this.clock = clock;
    }

    /** The request this caller created under the key (a partner's submission too, which it cannot GET). */
    private Uni<Response> replayed(URI location) {
        String path = location.getPath();
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        return requests.findById(id).invoke(r -> caller.requireVisible(r != null, "request"))
                .chain(this::ok);
    }

    @POST
    @RolesAllowed({Roles.DATA_SUBJECT, Roles.PARTNER})
    @WithTransaction
    @Operation(summary = "Submit a request: a subject for themself (work starts at once), a partner on a subject's"
            + " behalf (AWAITING_SUBJECT_CONFIRMATION); a duplicate of an open request is LINKED to it")
    @Enforces({"3.5.a", "1.2"})
    @APIResponseSchema(value = RequestView.class, responseCode = "201", responseDescription = Versions.CREATED)
    public Uni<Response> submit(@Valid @NotNull SubmitRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return changes.create(idempotencyKey, "/requests", request, replay,
                () -> service.submit(request).chain(r -> service.view(r).map(view -> new Created(r.id, view, r.version))));
    }

    @GET
    @RolesAllowed({Roles.DATA_SUBJECT, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "List requests in submission order: a subject their own, oversight every request")
    public Uni<Page<RequestSummaryView>> list(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("origin") String origin, @QueryParam("subjectId") String subjectId,
            @QueryParam("partnerId") String partnerId, @QueryParam("overdue") String overdue,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        String subject = subjectId == null || subjectId.isBlank() ? null : subjectId.strip();
        if (!caller.isOversight()) {
            if (subject != null && !subject.equals(caller.subject())) {
                throw QueryParams.invalid("subjectId", "a data subject lists only their own requests");
            }
            subject = caller.subject();
        }
        RequestFilter filter = new RequestFilter(subject, QueryParams.enumOf("status", status, RequestStatus.class),
                QueryParams.enumOf("type", type, RequestType.class),
                QueryParams.enumOf("origin", origin, RequestOrigin.class), QueryParams.uuid("partnerId", partnerId),
                QueryParams.bool("overdue", overdue), clock.today());
        Cursors.TimeAndId after = Cursors.decodeTimeAndId(cursor);
        return requests.page(filter, after == null ? null : after.at(), after == null ? null : after.id(), size + 1)
                .map(list -> Cursors.page(list, size, r -> Cursors.timeAndId(r.submittedAt, r.id)))
                .map(page -> page.map(views::summary));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DATA_SUBJECT, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "A request with status, due date, tasks and progress; a subject reads their own")
    @APIResponseSchema(value = RequestView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.load(id).chain(this::ok);
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.DATA_SUBJECT, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "What happened to the request, oldest first")
    public Uni<List<TimelineEntryView>> timeline(@PathParam("id") UUID id) {
        return service.load(id).chain(r -> timeline.of(r.id)).map(list -> list.stream().map(views::view).toList());
    }

    private Uni<Response> ok(DsrRequest r) {
        return service.view(r).map(view -> Versions.ok(view, r.version));
    }
}

package com.privacyplatform.dsr.review;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
import com.privacyplatform.dsr.retention.RetentionRequests.ReviewRequest;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.TaskRepository;
import com.privacyplatform.dsr.workflow.RejectionReviews;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The compliance officer's review queue (3.5.c, 3.5.d): partners' rejections of deletion tasks wait
 * here; approved, the task is rejected and the subject told why; refused, it opens again with the note.
 */
@Path("/rejection-reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rejection reviews")
public class RejectionReviewResource {

    private final TaskRepository tasks;
    private final RejectionReviews reviews;
    private final Caller caller;

    public RejectionReviewResource(TaskRepository tasks, RejectionReviews reviews, Caller caller) {
        this.tasks = tasks;
        this.reviews = reviews;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "Rejections of deletion tasks waiting for the officer, oldest first; one partner's if named")
    public Uni<Page<RejectionReviewView>> list(@QueryParam("partnerId") String partnerId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        UUID partner = QueryParams.uuid("partnerId", partnerId);
        int size = Cursors.limit(limit);
        Cursors.TimeAndId after = Cursors.decodeTimeAndId(cursor);
        return tasks.inReview(partner, after == null ? null : after.at(), after == null ? null : after.id(), size + 1)
                .map(list -> Cursors.page(list, size, t -> Cursors.timeAndId(t.rejectionRequestedAt, t.id)))
                .map(page -> new Page<>(page.items().stream().map(RejectionReviewView::of).toList(),
                        page.nextCursor()));
    }

    @GET
    @Path("/{taskId}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "One deletion task's rejection review: waiting, or as decided")
    @APIResponseSchema(value = RejectionReviewView.class, responseCode = "200",
            responseDescription = "The current state; ETag is the task's version")
    public Uni<Response> one(@PathParam("taskId") UUID taskId) {
        return reviewed(taskId).map(this::ok);
    }

    @POST
    @Path("/{taskId}/approval")
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Approve the partner's rejection: the task is REJECTED and the subject sees the basis, the"
            + " explanation and the note; the note is optional")
    @Enforces({"3.5.c", "3.5.d"})
    @APIResponseSchema(value = RejectionReviewView.class, responseCode = "200",
            responseDescription = "The current state; ETag is the task's version")
    public Uni<Response> approve(@PathParam("taskId") UUID taskId, @HeaderParam("If-Match") String ifMatch,
            @Valid ReviewRequest request) {
        return decide(taskId, ifMatch, true, request);
    }

    @POST
    @Path("/{taskId}/refusal")
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Refuse the partner's rejection: the task is OPEN again and the partner reads the note")
    @Enforces({"3.5.c", "3.5.d"})
    @APIResponseSchema(value = RejectionReviewView.class, responseCode = "200",
            responseDescription = "The current state; ETag is the task's version")
    public Uni<Response> refuse(@PathParam("taskId") UUID taskId, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReviewRequest request) {
        return decide(taskId, ifMatch, false, request);
    }

    private Uni<Response> decide(UUID taskId, String ifMatch, boolean approve, ReviewRequest request) {
        String clean = ReviewRequest.noteOf(request, approve);
        return reviewed(taskId).invoke(t -> Versions.requireMatch(ifMatch, t.version)).chain(t -> {
            String legalBasis = t.rejectionLegalBasis;
            String explanation = t.rejectionExplanation;
            UUID basis = t.rejectionRetentionBasisId;
            return reviews.decide(t, approve, clean, caller.auditActor()).call(tasks::flush)
                    .map(done -> ok(RejectionReviewView.of(done, legalBasis, explanation, basis), done.version));
        });
    }

    /** A task whose rejection was ever put to review; any other id is 404. */
    private Uni<DsrTask> reviewed(UUID taskId) {
        return tasks.findById(taskId).invoke(t -> caller.requireVisible(t != null && t.rejectionRequestedAt != null,
                "rejection review"));
    }

    private Response ok(DsrTask t) {
        return ok(RejectionReviewView.of(t), t.version);
    }

    private Response ok(RejectionReviewView view, long version) {
        return Response.ok(view).tag(new EntityTag(Long.toString(version))).build();
    }
}

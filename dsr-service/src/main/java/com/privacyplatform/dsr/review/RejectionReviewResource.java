package com.privacyplatform.dsr.review;

import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.task.TaskRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
    private final ReviewedTasks reviewed;

    public RejectionReviewResource(TaskRepository tasks, ReviewedTasks reviewed) {
        this.tasks = tasks;
        this.reviewed = reviewed;
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
                .map(page -> page.map(RejectionReviewView::of));
    }

    @GET
    @Path("/{taskId}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "One deletion task's rejection review: waiting, or as decided")
    @APIResponseSchema(value = RejectionReviewView.class, responseCode = "200",
            responseDescription = "The current state; ETag is the task's version")
    public Uni<Response> one(@PathParam("taskId") UUID taskId) {
        return reviewed.load(taskId).map(this::ok);
    }

    private Response ok(DsrTask t) {
        return Versions.ok(RejectionReviewView.of(t), t.version);
    }
}

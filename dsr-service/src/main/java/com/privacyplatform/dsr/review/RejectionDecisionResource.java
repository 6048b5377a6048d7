package com.privacyplatform.dsr.review;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.dsr.retention.RetentionRequests.ReviewRequest;
import com.privacyplatform.dsr.task.DsrTask;
import com.privacyplatform.dsr.workflow.RejectionReviews;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The compliance officer's decision on a partner's rejection of a deletion task (3.5.c, 3.5.d). */
@Path("/rejection-reviews/{taskId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rejection reviews")
@WithTransaction
@APIResponse(responseCode = "200", description = "The current state; ETag is the task's version",
        content = @Content(schema = @Schema(implementation = RejectionReviewView.class)))
public class RejectionDecisionResource {

    private final ReviewedTasks tasks;
    private final RejectionReviews reviews;
    private final Changes changes;
    private final Caller caller;

    public RejectionDecisionResource(ReviewedTasks tasks, RejectionReviews reviews, Changes changes, Caller caller) {
        this.tasks = tasks;
        this.reviews = reviews;
        this.changes = changes;
        this.caller = caller;
    }

    @POST
    @Path("/approval")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Approve the partner's rejection: the task is REJECTED and the subject sees the basis, the"
            + " explanation and the note; the note is optional")
    @Enforces({"3.5.c", "3.5.d"})
    public Uni<Response> approve(@BeanParam ReviewTarget target, @Valid ReviewRequest request) {
        return decide(target, true, request);
    }

    @POST
    @Path("/refusal")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Refuse the partner's rejection: the task is OPEN again and the partner reads the note")
    @Enforces({"3.5.c", "3.5.d"})
    public Uni<Response> refuse(@BeanParam ReviewTarget target, @Valid @NotNull ReviewRequest request) {
        return decide(target, false, request);
    }

    /** The view shows the rejection as the partner asked for it, which the decision clears from the task. */
    private Uni<Response> decide(ReviewTarget target, boolean approve, ReviewRequest request) {
        String note = ReviewRequest.noteOf(request, approve);
        AtomicReference<Decided> decided = new AtomicReference<>();
        return changes.apply(tasks.load(target.taskId()), t -> t.version, target.ifMatch(), t -> {
            String legalBasis = t.rejectionLegalBasis;
            String explanation = t.rejectionExplanation;
            UUID basis = t.rejectionRetentionBasisId;
            return Changes.trailedBy(reviews.decide(t, approve, note, caller.auditActor())
                    .invoke(done -> decided.set(new Decided(done, legalBasis, explanation, basis))));
        }).map(flushed -> decided.get().answer());
    }

    /** The decided task (flushed when {@link #answer} runs) and the rejection it had. */
    private record Decided(DsrTask task, String legalBasis, String explanation, UUID basis) {
        Response answer() {
            return Versions.ok(RejectionReviewView.of(task, legalBasis, explanation, basis), task.version);
        }
    }
}

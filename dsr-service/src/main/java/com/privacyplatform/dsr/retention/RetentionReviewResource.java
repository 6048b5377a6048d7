package com.privacyplatform.dsr.retention;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.dsr.retention.RetentionRequests.ReviewRequest;
import com.privacyplatform.dsr.retention.RetentionViews.RetentionBasisView;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 3.5.d: the compliance officer's review of a legal-obligation retention basis. */
@Path("/partners/{partnerId}/retention-bases/{basisId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Retention bases")
@WithTransaction
@APIResponse(responseCode = "200", description = Versions.CURRENT_STATE,
        content = @Content(schema = @Schema(implementation = RetentionBasisView.class)))
public class RetentionReviewResource {

    private final RetentionReviews reviews;

    public RetentionReviewResource(RetentionReviews reviews) {
        this.reviews = reviews;
    }

    @POST
    @Path("/approval")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Approve a legal-obligation basis pending review: the termination fan-out honours it"
            + " (3.5.d); the note is optional")
    @Enforces("3.5.d")
    public Uni<Response> approve(@BeanParam RetentionTarget target, @Valid ReviewRequest request) {
        return decide(target, true, request);
    }

    @POST
    @Path("/refusal")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Refuse a legal-obligation basis pending review, with a note telling the partner why:"
            + " the termination deletes the data (3.5.d)")
    @Enforces("3.5.d")
    public Uni<Response> refuse(@BeanParam RetentionTarget target, @Valid @NotNull ReviewRequest request) {
        return decide(target, false, request);
    }

    private Uni<Response> decide(RetentionTarget target, boolean approve, ReviewRequest request) {
        return reviews.decide(target.partnerId(), target.basisId(), target.ifMatch(), approve, request)
                .map(b -> Versions.ok(RetentionBasisView.of(b), b.version));
    }
}

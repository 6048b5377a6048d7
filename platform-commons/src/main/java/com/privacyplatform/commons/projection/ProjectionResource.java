package com.privacyplatform.commons.projection;

import com.privacyplatform.commons.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The officer's view of one projection (issue 18.2): whether it is built, its last reconciliation
 * with its source and the drift repaired; and a reconciliation on request. A service exposes each
 * of its projections by a subclass that names it and its path:
 * {@code @Path("/projections/consent-partners") @Tag(name = "Projections")}. The OpenAPI security
 * requirement and 401/403 are written out: Quarkus adds them only for methods declared in the
 * resource class itself.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class ProjectionResource {

    private final ProjectionSync sync;
    private final String projection;

    protected ProjectionResource(ProjectionSync sync, String projection) {
        this.sync = sync;
        this.projection = projection;
    }

    @GET
    @RolesAllowed(Roles.OFFICER)
    @SecurityRequirement(name = "SecurityScheme", scopes = Roles.OFFICER)
    @APIResponse(responseCode = "401", description = "Not Authorized")
    @APIResponse(responseCode = "403", description = "Not Allowed")
    @Operation(summary = "The projection: built or not, last reconciliation with its source, drift repaired")
    @APIResponseSchema(value = ProjectionState.class, responseCode = "200", responseDescription = "Its state")
    public ProjectionState state() {
        return sync.state(projection);
    }

    @POST
    @Path("/reconciliation")
    @RolesAllowed(Roles.OFFICER)
    @SecurityRequirement(name = "SecurityScheme", scopes = Roles.OFFICER)
    @APIResponse(responseCode = "401", description = "Not Authorized")
    @APIResponse(responseCode = "403", description = "Not Allowed")
    @Operation(summary = "Reconcile the projection with its source now")
    @APIResponseSchema(value = ProjectionState.class, responseCode = "200",
            responseDescription = "The state after the reconciliation (lastRepaired: the drift it repaired)")
    @APIResponse(responseCode = "409", description = "A reconciliation is under way, or no source is configured")
    @APIResponse(responseCode = "503", description = "The source could not be read; the projection is unchanged")
    public Uni<ProjectionState> reconcile() {
        return sync.reconcileNow(projection);
    }
}

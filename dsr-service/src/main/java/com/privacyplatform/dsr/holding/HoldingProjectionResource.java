package com.privacyplatform.dsr.holding;

import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.projection.ProjectionState;
import com.privacyplatform.commons.projection.ProjectionSync;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The officer's view of the holdings projection (issue 18.2): whether it is built, its last
 * reconciliation with consent-service's holdings feed and the drift repaired; and a reconciliation
 * on request.
 */
@Path("/projections/" + HoldingReconciliation.PROJECTION)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
@Tag(name = "Projections")
public class HoldingProjectionResource {

    private final ProjectionSync sync;

    public HoldingProjectionResource(ProjectionSync sync) {
        this.sync = sync;
    }

    @GET
    @Operation(summary = "The holdings projection: built or not, last reconciliation with consent-service, drift repaired")
    @APIResponseSchema(value = ProjectionState.class, responseCode = "200", responseDescription = "Its state")
    public ProjectionState state() {
        return sync.state(HoldingReconciliation.PROJECTION);
    }

    @POST
    @Path("/reconciliation")
    @Operation(summary = "Reconcile the holdings projection with consent-service's holdings feed now")
    @APIResponseSchema(value = ProjectionState.class, responseCode = "200",
            responseDescription = "The state after the reconciliation (lastRepaired: the drift it repaired)")
    @APIResponse(responseCode = "409", description = "A reconciliation is under way, or no feed is configured")
    @APIResponse(responseCode = "503", description = "consent-service could not be read; the projection is unchanged")
    public Uni<ProjectionState> reconcile() {
        return sync.reconcileNow(HoldingReconciliation.PROJECTION);
    }
}

package com.privacyplatform.consent.partner;

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
 * The officer's view of the partner projection (issue 18.2): whether it is built, its last
 * reconciliation with the registry and the drift repaired; and a reconciliation on request.
 */
@Path("/projections/" + PartnerReconciliation.PROJECTION)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
@Tag(name = "Projections")
public class PartnerProjectionResource {

    private final ProjectionSync sync;

    public PartnerProjectionResource(ProjectionSync sync) {
        this.sync = sync;
    }

    @GET
    @Operation(summary = "The partner projection: built or not, last reconciliation with the registry, drift repaired")
    @APIResponseSchema(value = ProjectionState.class, responseCode = "200", responseDescription = "Its state")
    public ProjectionState state() {
        return sync.state(PartnerReconciliation.PROJECTION);
    }

    @POST
    @Path("/reconciliation")
    @Operation(summary = "Reconcile the partner projection with the registry's snapshots now")
    @APIResponseSchema(value = ProjectionState.class, responseCode = "200",
            responseDescription = "The state after the reconciliation (lastRepaired: the drift it repaired)")
    @APIResponse(responseCode = "409", description = "A reconciliation is under way, or no registry is configured")
    @APIResponse(responseCode = "503", description = "The registry could not be read; the projection is unchanged")
    public Uni<ProjectionState> reconcile() {
        return sync.reconcileNow(PartnerReconciliation.PROJECTION);
    }
}

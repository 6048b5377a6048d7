package com.privacyplatform.breach.assessment;

import com.privacyplatform.breach.incident.IncidentRequests.SeverityOverrideRequest;
import com.privacyplatform.breach.incident.IncidentResponder;
import com.privacyplatform.breach.incident.IncidentViews.IncidentView;
import com.privacyplatform.commons.identity.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The officer's override of an incident's derived severity. */
@Path("/incidents/{id}/severity-override")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
public class AssessmentResource {

    private final SeverityOverrides overrides;
    private final IncidentResponder responder;

    public AssessmentResource(SeverityOverrides overrides, IncidentResponder responder) {
        this.overrides = overrides;
        this.responder = responder;
    }

    @PUT
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Override the derived severity with a justification; duties that depend on high risk"
            + " are re-planned. Accepts If-Match.")
    @APIResponseSchema(value = IncidentView.class, responseCode = "200",
            responseDescription = "The current state; ETag is its version")
    public Uni<Response> override(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SeverityOverrideRequest request) {
        return overrides.override(id, ifMatch, request).chain(responder::ok);
    }
}

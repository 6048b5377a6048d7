package com.privacyplatform.breach.incident;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.breach.assessment.SeverityOverrides;
import com.privacyplatform.breach.incident.IncidentRequests.ClosureRequest;
import com.privacyplatform.breach.incident.IncidentRequests.SeverityOverrideRequest;
import com.privacyplatform.breach.incident.IncidentRequests.UpdateRequest;
import com.privacyplatform.breach.incident.IncidentViews.IncidentView;
import com.privacyplatform.commons.http.Target;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Changes of an incident: the partner's phased updates, the officer's severity override and closure. */
@Path("/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
@WithTransaction
@APIResponse(responseCode = "200", description = Versions.CURRENT_STATE,
        content = @Content(schema = @Schema(implementation = IncidentView.class)))
public class IncidentChangeResource {

    private final IncidentUpdates updates;
    private final SeverityOverrides overrides;
    private final IncidentClosure closure;
    private final IncidentResponder responder;

    public IncidentChangeResource(IncidentUpdates updates, SeverityOverrides overrides, IncidentClosure closure,
            IncidentResponder responder) {
        this.updates = updates;
        this.overrides = overrides;
        this.closure = closure;
        this.responder = responder;
    }

    @POST
    @Path("/updates")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Add facts to an own open incident (phased reporting, GDPR Art. 33(4))",
            description = "Fields sent replace the current ones; severity is re-derived and duties re-planned."
                    + " Accepts If-Match.")
    @Enforces("5.1")
    public Uni<Response> update(@BeanParam Target target, @Valid @NotNull UpdateRequest request) {
        return updates.update(target.id(), target.ifMatch(), request).chain(responder::ok);
    }

    @PUT
    @Path("/severity-override")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Override the derived severity with a justification; duties that depend on high risk"
            + " are re-planned. Accepts If-Match.")
    public Uni<Response> override(@BeanParam Target target, @Valid @NotNull SeverityOverrideRequest request) {
        return overrides.override(target.id(), target.ifMatch(), request).chain(responder::ok);
    }

    @POST
    @Path("/closure")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Close an incident with a remediation summary; no duty may still be pending")
    public Uni<Response> close(@BeanParam Target target, @Valid @NotNull ClosureRequest request) {
        return closure.close(target.id(), target.ifMatch(), request.remediationSummary()).chain(responder::ok);
    }
}

package com.privacyplatform.registry.partner;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Target;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.registry.partner.PartnerRequests.TransitionRequest;
import com.privacyplatform.registry.partner.PartnerViews.PartnerView;
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

/** The partner's lifecycle: one action per transition, each with a reason, If-Match and the new ETag. */
@Path("/partners/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partners")
@WithTransaction
@APIResponse(responseCode = "200", description = Versions.CURRENT_STATE,
        content = @Content(schema = @Schema(implementation = PartnerView.class)))
public class PartnerLifecycleResource {

    private final PartnerService service;
    private final PartnerViewMapper views;

    public PartnerLifecycleResource(PartnerService service, PartnerViewMapper views) {
        this.service = service;
        this.views = views;
    }

    @POST
    @Path("/activation")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "PENDING -> ACTIVE; requires a named security officer (3.4.d)")
    @Enforces("3.4.d")
    public Uni<Response> activate(@BeanParam Target target, @Valid @NotNull TransitionRequest request) {
        return move(target, PartnerTransition.ACTIVATE, request);
    }

    @POST
    @Path("/suspension")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "ACTIVE -> SUSPENDED")
    public Uni<Response> suspend(@BeanParam Target target, @Valid @NotNull TransitionRequest request) {
        return move(target, PartnerTransition.SUSPEND, request);
    }

    @POST
    @Path("/reinstatement")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "SUSPENDED -> ACTIVE")
    public Uni<Response> reinstate(@BeanParam Target target, @Valid @NotNull TransitionRequest request) {
        return move(target, PartnerTransition.REINSTATE, request);
    }

    @POST
    @Path("/termination")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "ACTIVE or SUSPENDED -> TERMINATED (final; other services delete the partner's data, 3.5.d)")
    public Uni<Response> terminate(@BeanParam Target target, @Valid @NotNull TransitionRequest request) {
        return move(target, PartnerTransition.TERMINATE, request);
    }

    private Uni<Response> move(Target target, PartnerTransition transition, TransitionRequest request) {
        return service.transition(target.id(), target.ifMatch(), transition, request.reason())
                .map(p -> Versions.ok(views.view(p), p.version));
    }
}

package com.privacyplatform.dsr.request;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Target;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.dsr.request.RequestRequests.ConfirmationRequest;
import com.privacyplatform.dsr.request.RequestRequests.ExtensionRequest;
import com.privacyplatform.dsr.request.RequestViews.RequestView;
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

/** Changes of a request (3.5.a-c): the subject's confirmation and the officer's extension of the deadline. */
@Path("/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
@WithTransaction
@APIResponse(responseCode = "200", description = Versions.CURRENT_STATE,
        content = @Content(schema = @Schema(implementation = RequestView.class)))
public class RequestChangeResource {

    private final RequestService service;
    private final Extensions extensions;
    private final RequestRepository requests;

    public RequestChangeResource(RequestService service, Extensions extensions, RequestRepository requests) {
        this.service = service;
        this.extensions = extensions;
        this.requests = requests;
    }

    @POST
    @Path("/confirmation")
    @RolesAllowed(Roles.DATA_SUBJECT)
    @Operation(summary = "The subject confirms or declines a request a partner submitted on their behalf")
    @Enforces("3.5.a")
    public Uni<Response> confirm(@BeanParam Target target, @Valid @NotNull ConfirmationRequest request) {
        return answer(service.confirm(target.id(), target.ifMatch(), request).call(r -> requests.flush()));
    }

    @POST
    @Path("/extension")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Extend the deadline once where the policy allows it, with a reason told to the subject"
            + " (the compliance officer decides, also on a partner's ask)")
    @Enforces({"3.5.b", "3.5.c"})
    public Uni<Response> extend(@BeanParam Target target, @Valid @NotNull ExtensionRequest request) {
        return answer(extensions.extend(target.id(), target.ifMatch(), request));
    }

    private Uni<Response> answer(Uni<DsrRequest> changed) {
        return changed.chain(r -> service.view(r).map(view -> Versions.ok(view, r.version)));
    }
}

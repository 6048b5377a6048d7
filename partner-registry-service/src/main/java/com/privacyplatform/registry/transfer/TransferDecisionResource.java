package com.privacyplatform.registry.transfer;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.registry.transfer.TransferRequests.DecisionRequest;
import com.privacyplatform.registry.transfer.TransferViews.TransferView;
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

/** The compliance officer's decisions on a cross-border transfer (3.3.c): approval, rejection, revocation. */
@Path("/partners/{id}/transfers/{transferId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cross-border transfers")
@WithTransaction
@APIResponse(responseCode = "200", description = Versions.CURRENT_STATE,
        content = @Content(schema = @Schema(implementation = TransferView.class)))
public class TransferDecisionResource {

    private final TransferService service;

    public TransferDecisionResource(TransferService service) {
        this.service = service;
    }

    @POST
    @Path("/approval")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "PENDING_APPROVAL -> APPROVED (3.3.c)")
    @Enforces("3.3.c")
    public Uni<Response> approve(@BeanParam TransferTarget target, @Valid @NotNull DecisionRequest request) {
        return decide(target, TransferStatus.APPROVED, request);
    }

    @POST
    @Path("/rejection")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "PENDING_APPROVAL -> REJECTED (final)")
    public Uni<Response> reject(@BeanParam TransferTarget target, @Valid @NotNull DecisionRequest request) {
        return decide(target, TransferStatus.REJECTED, request);
    }

    @POST
    @Path("/revocation")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "APPROVED -> REVOKED (final); 409 while an ACTIVE processor abroad relies on it")
    public Uni<Response> revoke(@BeanParam TransferTarget target, @Valid @NotNull DecisionRequest request) {
        return decide(target, TransferStatus.REVOKED, request);
    }

    private Uni<Response> decide(TransferTarget target, TransferStatus to, DecisionRequest request) {
        return service.decide(target.partnerId(), target.transferId(), target.ifMatch(), to, request.reason())
                .map(t -> Versions.ok(TransferViews.of(t), t.version));
    }
}

package com.privacyplatform.registry.processor;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.registry.processor.ProcessorRequests.AttestationRequest;
import com.privacyplatform.registry.processor.ProcessorRequests.DecisionRequest;
import com.privacyplatform.registry.processor.ProcessorViews.ProcessorView;
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

/** A processor's attestation (3.3.b) and lifecycle: the officer's approval (3.3.b, 3.3.c) and withdrawal. */
@Path("/partners/{id}/processors/{processorId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Entrusted processors")
@WithTransaction
@APIResponse(responseCode = "200", description = Versions.CURRENT_STATE,
        content = @Content(schema = @Schema(implementation = ProcessorView.class)))
public class ProcessorLifecycleResource {

    private final ProcessorService service;
    private final ProcessorTransitions transitions;

    public ProcessorLifecycleResource(ProcessorService service, ProcessorTransitions transitions) {
        this.service = service;
        this.transitions = transitions;
    }

    @POST
    @Path("/attestation")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER})
    @Operation(summary = "Record the processor's equivalent-protection attestation (3.3.b)")
    @Enforces("3.3.b")
    public Uni<Response> attest(@BeanParam ProcessorTarget target, @Valid @NotNull AttestationRequest request) {
        return answer(service.attest(target.partnerId(), target.processorId(), target.ifMatch(), request));
    }

    @POST
    @Path("/approval")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "PROPOSED -> ACTIVE: needs the attestation, a scope inside the partner's (3.3.b) and,"
            + " abroad, an APPROVED transfer covering its categories (3.3.c)")
    @Enforces({"3.3.b", "3.3.c"})
    public Uni<Response> approve(@BeanParam ProcessorTarget target, @Valid @NotNull DecisionRequest request) {
        return answer(transitions.approve(target.partnerId(), target.processorId(), target.ifMatch(),
                request.reason()));
    }

    @POST
    @Path("/withdrawal")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER})
    @Operation(summary = "PROPOSED or ACTIVE -> WITHDRAWN (final)")
    public Uni<Response> withdraw(@BeanParam ProcessorTarget target, @Valid @NotNull DecisionRequest request) {
        return answer(transitions.withdraw(target.partnerId(), target.processorId(), target.ifMatch(),
                request.reason()));
    }

    private static Uni<Response> answer(Uni<Processor> changed) {
        return changed.map(p -> Versions.ok(ProcessorViews.of(p), p.version));
    }
}

package com.privacyplatform.registry.processor;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Changes.Created;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
import com.privacyplatform.registry.partner.PartnerService;
import com.privacyplatform.registry.processor.ProcessorRequests.ProcessorRequest;
import com.privacyplatform.registry.processor.ProcessorViews.ProcessorView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Entrusted processors and sub-processors of a partner (3.3.b), approved by the compliance officer. */
@Path("/partners/{id}/processors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Entrusted processors")
public class ProcessorResource {

    private final ProcessorService service;
    private final ProcessorRepository processors;
    private final PartnerService partners;
    private final Changes changes;

    public ProcessorResource(ProcessorService service, ProcessorRepository processors, PartnerService partners,
            Changes changes) {
        this.service = service;
        this.processors = processors;
        this.partners = partners;
        this.changes = changes;
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER})
    @WithTransaction
    @Operation(summary = "Propose an entrusted processor (PROPOSED); a partner may propose its own (3.3.b)")
    @Enforces("3.3.b")
    @APIResponseSchema(value = ProcessorView.class, responseCode = "201", responseDescription = Versions.CREATED)
    public Uni<Response> create(@PathParam("id") UUID id, @Valid @NotNull ProcessorRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return changes.create(idempotencyKey, "/partners/" + id + "/processors", request,
                () -> service.propose(id, request).map(p -> new Created(p.id, ProcessorViews.of(p), p.version)));
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "List the partner's processors in creation order, filtered by status")
    public Uni<Page<ProcessorView>> list(@PathParam("id") UUID id, @QueryParam("status") String status,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        ProcessorStatus filter = QueryParams.enumOf("status", status, ProcessorStatus.class);
        UUID after = Cursors.decodeUuid(cursor);
        return partners.load(id)
                .chain(p -> processors.page(p.id, filter, after, size + 1))
                .map(list -> Cursors.page(list, size, p -> p.id.toString()))
                .map(page -> page.map(ProcessorViews::of));
    }

    @GET
    @Path("/{processorId}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "Read a processor; a partner may read only its own")
    @APIResponseSchema(value = ProcessorView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> get(@PathParam("id") UUID id, @PathParam("processorId") UUID processorId) {
        return service.load(id, processorId).map(this::ok);
    }

    @PUT
    @Path("/{processorId}")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER})
    @WithTransaction
    @Operation(summary = "Replace a PROPOSED processor; a new name or country clears its attestation")
    @APIResponseSchema(value = ProcessorView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> update(@PathParam("id") UUID id, @PathParam("processorId") UUID processorId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ProcessorRequest request) {
        return service.update(id, processorId, ifMatch, request).map(this::ok);
    }

    private Response ok(Processor p) {
        return Versions.ok(ProcessorViews.of(p), p.version);
    }
}

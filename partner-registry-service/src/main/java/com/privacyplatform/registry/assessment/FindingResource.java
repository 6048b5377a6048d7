package com.privacyplatform.registry.assessment;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Changes.Created;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.registry.assessment.AssessmentRequests.FindingRequest;
import com.privacyplatform.registry.assessment.AssessmentViews.FindingView;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Findings of an audit and their rectification (4.3). */
@Path("/partners/{id}/audits/{auditId}/findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Audits")
public class FindingResource {

    private final FindingService service;
    private final Changes changes;
    private final AssessmentMapper mapper;

    public FindingResource(FindingService service, Changes changes, AssessmentMapper mapper) {
        this.service = service;
        this.changes = changes;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Record a finding with severity, materiality (4.5) and a rectification deadline (4.3)")
    @Enforces({"4.1", "4.3"})
    @APIResponseSchema(value = FindingView.class, responseCode = "201", responseDescription = Versions.CREATED)
    public Uni<Response> record(@PathParam("id") UUID id, @PathParam("auditId") UUID auditId,
            @Valid @NotNull FindingRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return changes.create(idempotencyKey, "/partners/" + id + "/audits/" + auditId + "/findings", request,
                () -> service.record(id, auditId, request).map(f -> new Created(f.id, mapper.view(f), f.version)));
    }

    @GET
    @Path("/{findingId}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "Read a finding and its rectification state")
    @APIResponseSchema(value = FindingView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> get(@PathParam("id") UUID id, @PathParam("auditId") UUID auditId,
            @PathParam("findingId") UUID findingId) {
        return service.load(id, auditId, findingId).map(this::ok);
    }

    private Response ok(AuditFinding f) {
        return Versions.ok(mapper.view(f), f.version);
    }
}

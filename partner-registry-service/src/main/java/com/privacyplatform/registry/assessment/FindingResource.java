package com.privacyplatform.registry.assessment;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.registry.assessment.AssessmentRequests.FindingRequest;
import com.privacyplatform.registry.assessment.AssessmentRequests.RectificationRequest;
import com.privacyplatform.registry.assessment.AssessmentRequests.VerificationRequest;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
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
    private final Idempotency idempotency;
    private final Caller caller;
    private final AssessmentMapper mapper;

    public FindingResource(FindingService service, Idempotency idempotency, Caller caller, AssessmentMapper mapper) {
        this.service = service;
        this.idempotency = idempotency;
        this.caller = caller;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Record a finding with severity, materiality (4.5) and a rectification deadline (4.3)")
    @Enforces({"4.1", "4.3"})
    @APIResponseSchema(value = AssessmentViews.FindingView.class, responseCode = "201",
            responseDescription = "Created; Location and ETag name it")
    public Uni<Response> record(@PathParam("id") UUID id, @PathParam("auditId") UUID auditId,
            @Valid @NotNull FindingRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.auditActor().actor(),
                List.of("POST /partners/" + id + "/audits/" + auditId + "/findings", request),
                () -> service.record(id, auditId, request).map(f -> Response
                        .created(URI.create("/partners/" + id + "/audits/" + auditId + "/findings/" + f.id))
                        .tag(etag(f)).entity(mapper.view(f)).build()));
    }

    @GET
    @Path("/{findingId}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "Read a finding and its rectification state")
    @APIResponseSchema(value = AssessmentViews.FindingView.class, responseCode = "200",
            responseDescription = "The current state; ETag is its version")
    public Uni<Response> get(@PathParam("id") UUID id, @PathParam("auditId") UUID auditId,
            @PathParam("findingId") UUID findingId) {
        return service.load(id, auditId, findingId).map(this::ok);
    }

    @POST
    @Path("/{findingId}/rectification")
    @RolesAllowed(Roles.PARTNER)
    @WithTransaction
    @Operation(summary = "The partner submits its rectification of the finding (4.3)")
    @Enforces("4.3")
    @APIResponseSchema(value = AssessmentViews.FindingView.class, responseCode = "200",
            responseDescription = "The current state; ETag is its version")
    public Uni<Response> rectify(@PathParam("id") UUID id, @PathParam("auditId") UUID auditId,
            @PathParam("findingId") UUID findingId, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RectificationRequest request) {
        return service.rectify(id, auditId, findingId, ifMatch, request).map(this::ok);
    }

    @POST
    @Path("/{findingId}/verification")
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "The officer accepts the rectification or reopens the finding (4.3)")
    @Enforces("4.3")
    @APIResponseSchema(value = AssessmentViews.FindingView.class, responseCode = "200",
            responseDescription = "The current state; ETag is its version")
    public Uni<Response> verify(@PathParam("id") UUID id, @PathParam("auditId") UUID auditId,
            @PathParam("findingId") UUID findingId, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull VerificationRequest request) {
        return service.verify(id, auditId, findingId, ifMatch, request).map(this::ok);
    }

    private Response ok(AuditFinding f) {
        return Response.ok(mapper.view(f)).tag(etag(f)).build();
    }

    private static EntityTag etag(AuditFinding f) {
        return new EntityTag(Long.toString(f.version));
    }
}

package com.privacyplatform.registry.assessment;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Changes.Created;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.registry.assessment.AssessmentRequests.ClosureRequest;
import com.privacyplatform.registry.assessment.AssessmentRequests.ScheduleRequest;
import com.privacyplatform.registry.assessment.AssessmentViews.AuditView;
import com.privacyplatform.registry.partner.PartnerService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Audits of a partner by the platform or a third party on its behalf (4.1-4.5). */
@Path("/partners/{id}/audits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Audits")
public class AssessmentResource {

    private final AssessmentService service;
    private final AssessmentRepository assessments;
    private final FindingRepository findings;
    private final PartnerService partners;
    private final Changes changes;
    private final AssessmentMapper mapper;

    public AssessmentResource(AssessmentService service, AssessmentRepository assessments, FindingRepository findings,
            PartnerService partners, Changes changes, AssessmentMapper mapper) {
        this.service = service;
        this.assessments = assessments;
        this.findings = findings;
        this.partners = partners;
        this.changes = changes;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Schedule an audit with at least registry.audit.minimum-notice of advance notice (4.4)")
    @Enforces({"4.1", "4.2"})
    @APIResponseSchema(value = AuditView.class, responseCode = "201", responseDescription = Versions.CREATED)
    public Uni<Response> schedule(@PathParam("id") UUID id, @Valid @NotNull ScheduleRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return changes.create(idempotencyKey, "/partners/" + id + "/audits", request,
                () -> service.schedule(id, request).map(a -> new Created(a.id, mapper.view(a, List.of()), a.version)));
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "List the partner's audits with their findings, oldest first")
    public Uni<Page<AuditView>> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        UUID after = Cursors.decodeUuid(cursor);
        return partners.load(id).chain(p -> assessments.page(p.id, after, size + 1))
                .map(list -> Cursors.page(list, size, a -> a.id.toString()))
                .chain(page -> findings.forAssessments(page.items().stream().map(a -> a.id).toList())
                        .map(all -> all.stream().collect(Collectors.groupingBy(f -> f.assessmentId)))
                        .map(byAudit -> new Page<>(page.items().stream()
                                .map(a -> mapper.view(a, byAudit.getOrDefault(a.id, List.of()))).toList(),
                                page.nextCursor())));
    }

    @GET
    @Path("/{auditId}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "Read an audit with its findings")
    @APIResponseSchema(value = AuditView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> get(@PathParam("id") UUID id, @PathParam("auditId") UUID auditId) {
        return service.load(id, auditId).chain(this::ok);
    }

    @POST
    @Path("/{auditId}/closure")
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Close the audit once no finding awaits the partner; sets the cost bearer (4.5)")
    @Enforces("4.5")
    @APIResponseSchema(value = AuditView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> close(@BeanParam AuditTarget target, @Valid @NotNull ClosureRequest request) {
        return service.close(target.partnerId(), target.auditId(), target.ifMatch(), request).chain(this::ok);
    }

    private Uni<Response> ok(Assessment a) {
        return findings.forAssessments(List.of(a.id))
                .map(list -> Versions.ok(mapper.view(a, list), a.version));
    }
}

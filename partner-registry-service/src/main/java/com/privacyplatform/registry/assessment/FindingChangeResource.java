package com.privacyplatform.registry.assessment;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.registry.assessment.AssessmentRequests.RectificationRequest;
import com.privacyplatform.registry.assessment.AssessmentRequests.VerificationRequest;
import com.privacyplatform.registry.assessment.AssessmentViews.FindingView;
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

/** The rectification of a finding (4.3): the partner submits it, the officer verifies or reopens. */
@Path("/partners/{id}/audits/{auditId}/findings/{findingId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Audits")
@WithTransaction
@APIResponse(responseCode = "200", description = Versions.CURRENT_STATE,
        content = @Content(schema = @Schema(implementation = FindingView.class)))
public class FindingChangeResource {

    private final FindingService service;
    private final AssessmentMapper mapper;

    public FindingChangeResource(FindingService service, AssessmentMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @POST
    @Path("/rectification")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "The partner submits its rectification of the finding (4.3)")
    @Enforces("4.3")
    public Uni<Response> rectify(@BeanParam FindingTarget target, @Valid @NotNull RectificationRequest request) {
        return answer(service.rectify(target.partnerId(), target.auditId(), target.findingId(), target.ifMatch(),
                request));
    }

    @POST
    @Path("/verification")
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "The officer accepts the rectification or reopens the finding (4.3)")
    @Enforces("4.3")
    public Uni<Response> verify(@BeanParam FindingTarget target, @Valid @NotNull VerificationRequest request) {
        return answer(service.verify(target.partnerId(), target.auditId(), target.findingId(), target.ifMatch(),
                request));
    }

    private Uni<Response> answer(Uni<AuditFinding> changed) {
        return changed.map(f -> Versions.ok(mapper.view(f), f.version));
    }
}

package com.privacyplatform.registry.inspection;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Changes.Created;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.registry.inspection.SelfInspectionRequests.SubmitRequest;
import com.privacyplatform.registry.inspection.SelfInspectionViews.SelfInspectionView;
import com.privacyplatform.registry.partner.PartnerService;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 3.4.e: a partner's annual self-inspection reports. */
@Path("/partners/{id}/self-inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Self-inspections")
public class SelfInspectionResource {

    private final SelfInspectionService service;
    private final SelfInspectionRepository inspections;
    private final SelfInspectionMapper mapper;
    private final PartnerService partners;
    private final Changes changes;
    private final Caller caller;

    public SelfInspectionResource(SelfInspectionService service, SelfInspectionRepository inspections,
            SelfInspectionMapper mapper, PartnerService partners, Changes changes, Caller caller) {
        this.service = service;
        this.inspections = inspections;
        this.mapper = mapper;
        this.partners = partners;
        this.changes = changes;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.OFFICER})
    @WithTransaction
    @Operation(summary = "Submit a self-inspection report (3.4.e); the partner itself or an officer on its behalf")
    @Enforces("3.4.e")
    @APIResponseSchema(value = SelfInspectionView.class, responseCode = "201", responseDescription = Versions.CREATED)
    public Uni<Response> submit(@PathParam("id") UUID id, @Valid @NotNull SubmitRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return changes.create(idempotencyKey, "/partners/" + id + "/self-inspections", request,
                () -> service.submit(id, request).map(i -> new Created(i.id, mapper.view(i), i.version)));
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "List the partner's self-inspection reports, newest submission first")
    public Uni<Page<SelfInspectionView>> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        UUID before = Cursors.decodeUuid(cursor);
        return partners.load(id).chain(p -> inspections.page(p.id, before, size + 1))
                .map(list -> Cursors.page(list, size, i -> i.id.toString()))
                .map(page -> page.map(mapper::view));
    }

    @GET
    @Path("/{inspectionId}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "Read one self-inspection report")
    @APIResponseSchema(value = SelfInspectionView.class, responseCode = "200",
            responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> get(@PathParam("id") UUID id, @PathParam("inspectionId") UUID inspectionId) {
        return partners.load(id).chain(p -> inspections.findForPartner(p.id, inspectionId))
                .invoke(i -> caller.requireVisible(i != null, "self-inspection"))
                .map(i -> Versions.ok(mapper.view(i), i.version));
    }
}

package com.privacyplatform.breach.duty;

import com.privacyplatform.breach.duty.DutyRequests.CompletionRequest;
import com.privacyplatform.breach.duty.DutyRequests.WaiverRequest;
import com.privacyplatform.breach.incident.IncidentService;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An incident's notification duties: the clocks, and recording that a duty was done or is not required. */
@Path("/incidents/{id}/duties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notification duties")
public class DutyResource {

    private final IncidentService incidents;
    private final DutyService service;
    private final DutyRepository duties;
    private final DutyViewMapper views;
    private final Caller caller;

    public DutyResource(IncidentService incidents, DutyService service, DutyRepository duties, DutyViewMapper views,
            Caller caller) {
        this.incidents = incidents;
        this.service = service;
        this.duties = duties;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "The incident's notification duties with source, due time and state, earliest due first")
    public Uni<List<DutyView>> list(@PathParam("id") UUID id) {
        return incidents.load(id).chain(i -> duties.forIncident(i.id)
                .map(list -> list.stream().map(d -> views.view(d, i.partnerId)).toList()));
    }

    @POST
    @Path("/{dutyId}/completion")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER})
    @WithTransaction
    @Operation(summary = "Record that a pending duty was done: the notification's reference and time",
            description = "The partner (duty holder) for its own incidents, or a compliance officer.")
    @Enforces("5.1.b")
    public Uni<DutyView> complete(@PathParam("id") UUID id, @PathParam("dutyId") UUID dutyId,
            @Valid @NotNull CompletionRequest request) {
        return incidents.load(id).chain(i -> service.complete(i, dutyId, request, caller.auditActor())
                .map(d -> views.view(d, i.partnerId)));
    }

    @POST
    @Path("/{dutyId}/waiver")
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Decide that a pending duty is not required, with the reason (e.g. an exemption)")
    public Uni<DutyView> waive(@PathParam("id") UUID id, @PathParam("dutyId") UUID dutyId,
            @Valid @NotNull WaiverRequest request) {
        return incidents.load(id).chain(i -> service.waive(i, dutyId, request.reason(), caller.auditActor())
                .map(d -> views.view(d, i.partnerId)));
    }
}

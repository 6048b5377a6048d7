package com.privacyplatform.breach.deletion;

import com.privacyplatform.breach.incident.IncidentService;
import com.privacyplatform.breach.text.FreeText;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.http.Versions;
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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static com.privacyplatform.commons.time.Utc.instant;

/** Deletion of the affected information, required by the platform (3.4.j) and carried out through dsr-service. */
@Path("/incidents/{id}/deletion-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Deletion orders")
public class DeletionOrderResource {

    private final DeletionOrderService service;
    private final IncidentService incidents;
    private final FreeText text;
    private final Idempotency idempotency;
    private final Caller caller;

    public DeletionOrderResource(DeletionOrderService service, IncidentService incidents, FreeText text,
            Idempotency idempotency, Caller caller) {
        this.service = service;
        this.incidents = incidents;
        this.text = text;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Require the partner to delete the affected information (open incidents only)",
            description = "Emits breach.deletion-ordered, which dsr-service consumes to open deletion work."
                    + " Accepts Idempotency-Key.")
    @Enforces("3.4.j")
    @APIResponseSchema(value = DeletionOrderView.class, responseCode = "201", responseDescription = Versions.CREATED)
    public Uni<Response> order(@PathParam("id") UUID id, @Valid @NotNull DeletionOrderRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.auditActor().actor(),
                List.of("POST /incidents/" + id + "/deletion-orders", request),
                () -> service.order(id, request).map(o -> Response.created(URI.create("/incidents/" + id
                        + "/deletion-orders/" + o.id)).entity(view(o)).build()));
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "The incident's deletion orders, oldest first")
    public Uni<List<DeletionOrderView>> list(@PathParam("id") UUID id) {
        return incidents.load(id).chain(service::list).map(list -> list.stream().map(this::view).toList());
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "One deletion order of the incident")
    public Uni<DeletionOrderView> get(@PathParam("id") UUID id, @PathParam("orderId") UUID orderId) {
        return incidents.load(id).chain(service::list).map(list -> list.stream().filter(o -> o.id.equals(orderId))
                .findFirst().map(this::view).orElseThrow(() -> ProblemException.notFound("deletion order not found")));
    }

    private DeletionOrderView view(DeletionOrder o) {
        return new DeletionOrderView(o.id, o.incidentId, o.partnerId, o.categories(), text.show(o.reason, o.partnerId),
                o.orderedBy, instant(o.orderedAt));
    }
}

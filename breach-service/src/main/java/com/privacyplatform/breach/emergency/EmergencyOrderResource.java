package com.privacyplatform.breach.emergency;

import com.privacyplatform.breach.emergency.EmergencyOrderRequests.LiftingRequest;
import com.privacyplatform.breach.emergency.EmergencyOrderRequests.OrderRequest;
import com.privacyplatform.breach.text.FreeText;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Changes.Created;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static com.privacyplatform.commons.time.Utc.instant;

/** Emergency measures on a partner's interface (3.4.j): ordered and lifted by compliance officers. */
@Path("/emergency-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Emergency orders")
public class EmergencyOrderResource {

    static final String FLOW_EXAMPLE = """
            {"partnerId": "2b9ab027-cb68-523d-81ec-293ae3eaf63b", "incidentId": "019ac2f1-5b7e-7d3a-9c41-2f0e8d1b6a55",
             "kind": "FLOW_RESTRAINT", "requestsPerSecond": 5, "expiresAt": "2026-11-27T00:00:00Z",
             "reason": "Order export API leaks other customers' orders"}""";
    static final String FREQUENCY_EXAMPLE = """
            {"partnerId": "2b9ab027-cb68-523d-81ec-293ae3eaf63b", "kind": "FREQUENCY_RESTRAINT",
             "requestsPerPeriod": 100, "period": "PT1M", "reason": "Scraping pattern on the user lookup API"}""";
    static final String CLOSURE_EXAMPLE = """
            {"partnerId": "2b9ab027-cb68-523d-81ec-293ae3eaf63b", "kind": "TEMPORARY_CLOSURE",
             "reason": "Confirmed leak through the order export API"}""";

    private final EmergencyOrderService service;
    private final EmergencyOrderRepository orders;
    private final FreeText text;
    private final Changes changes;
    private final Caller caller;

    public EmergencyOrderResource(EmergencyOrderService service, EmergencyOrderRepository orders, FreeText text,
            Changes changes, Caller caller) {
        this.service = service;
        this.orders = orders;
        this.text = text;
        this.changes = changes;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Order a temporary closure, flow or frequency restraint, or data access suspension",
            description = "Emits partner.interface-restricted, which the gateway enforces at once. One ACTIVE order"
                    + " per partner and kind (409 otherwise). Accepts Idempotency-Key.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "flow restraint", value = FLOW_EXAMPLE),
            @ExampleObject(name = "frequency restraint", value = FREQUENCY_EXAMPLE),
            @ExampleObject(name = "temporary closure", value = CLOSURE_EXAMPLE)}))
    @Enforces({"3.4.j", "5.2"})
    @APIResponseSchema(value = EmergencyOrderView.class, responseCode = "201", responseDescription = Versions.CREATED)
    public Uni<Response> order(@Valid @NotNull OrderRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return changes.create(idempotencyKey, "/emergency-orders", request,
                () -> service.order(request).map(o -> new Created(o.id, view(o), o.version)));
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER, Roles.SERVICE})
    @WithSession
    @Operation(summary = "List emergency orders in order of issue; a partner sees only its own",
            description = "Filters: partnerId, active (true: ACTIVE only, false: ended only). Keyset pages. The"
                    + " platform's services (role platform-service) may read all, e.g. for the gateway to rebuild"
                    + " its restriction projection from ?active=true.")
    public Uni<Page<EmergencyOrderView>> list(@QueryParam("partnerId") String partnerId,
            @QueryParam("active") String active, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        UUID after = Cursors.decodeUuid(cursor);
        UUID partner = QueryParams.uuid("partnerId", partnerId);
        Boolean activeOnly = QueryParams.bool("active", active);
        if (!caller.isOversight() && !caller.hasRole(Roles.SERVICE)) {
            UUID own = caller.requirePartnerId();
            if (partner != null && !partner.equals(own)) {
                return Uni.createFrom().item(new Page<>(List.of(), null)); // another tenant: nothing to see
            }
            partner = own;
        }
        return orders.page(partner, activeOnly, after, size + 1)
                .map(list -> Cursors.page(list, size, o -> o.id.toString()))
                .map(page -> page.map(this::view));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "Read an emergency order; a partner only its own")
    @APIResponseSchema(value = EmergencyOrderView.class, responseCode = "200",
            responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.load(id).map(this::ok);
    }

    @POST
    @Path("/{id}/lifting")
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Lift an ACTIVE order; emits partner.interface-restored with reason LIFTED")
    @APIResponseSchema(value = EmergencyOrderView.class, responseCode = "200",
            responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> lift(@PathParam("id") UUID id, @Valid @NotNull LiftingRequest request) {
        return service.lift(id, request.reason()).map(this::ok);
    }

    private EmergencyOrderView view(EmergencyOrder o) {
        return new EmergencyOrderView(o.id, o.partnerId, o.incidentId, o.kind, o.requestsPerSecond,
                o.requestsPerPeriod, o.period, instant(o.expiresAt), text.show(o.reason, o.partnerId), o.state,
                o.orderedBy, instant(o.orderedAt), instant(o.endedAt), o.endedBy, text.show(o.endReason, o.partnerId),
                o.version);
    }

    private Response ok(EmergencyOrder o) {
        return Versions.ok(view(o), o.version);
    }
}

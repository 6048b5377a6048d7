package com.privacyplatform.breach.incident;

import com.privacyplatform.breach.assessment.Severity;
import com.privacyplatform.breach.incident.IncidentRepository.IncidentFilter;
import com.privacyplatform.breach.incident.IncidentRequests.ReportRequest;
import com.privacyplatform.breach.incident.IncidentViews.IncidentView;
import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
import com.privacyplatform.commons.time.PlatformClock;
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

/** Incidents: reporting (partner), phased updates, reading (tenancy-checked), closure (officer). */
@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
public class IncidentResource {

    static final String REPORT_EXAMPLE = """
            {"kind": "CONFIRMED_BREACH", "discoveredAt": "2026-11-25T09:30:00+08:00",
             "occurredAt": "2026-11-24T22:10:00+08:00",
             "description": "Order export API returned other customers' orders to logged-in users",
             "categories": ["user.contact.phone_number", "user.financial.transaction"],
             "affectedSubjects": 2400, "sensitiveDataInvolved": true, "dataEncrypted": false,
             "containmentMeasures": "Export endpoint disabled at 10:05; API keys rotated",
             "jurisdictions": ["CN", "DE"]}""";

    private final IncidentService service;
    private final IncidentRepository incidents;
    private final IncidentResponder responder;
    private final Changes changes;
    private final Caller caller;
    private final PlatformClock clock;

    public IncidentResource(IncidentService service, IncidentRepository incidents, IncidentResponder responder,
            Changes changes, Caller caller, PlatformClock clock) {
        this.service = service;
        this.incidents = incidents;
        this.responder = responder;
        this.changes = changes;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @WithTransaction
    @Operation(summary = "Report an incident (5.1): a policy violation, a suspected or a confirmed breach",
            description = "The partner is the token's partner_id. A report later than the platform's grace after"
                    + " discoveredAt is flagged lateReport. Accepts Idempotency-Key.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "confirmed breach", value = REPORT_EXAMPLE)))
    @Enforces({"5.1", "5.1.a"})
    @APIResponseSchema(value = IncidentView.class, responseCode = "201", responseDescription = Versions.CREATED)
    public Uni<Response> report(@Valid @NotNull ReportRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return changes.create(idempotencyKey, "/incidents", request,
                () -> service.report(request).chain(responder::created));
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "List incidents in report order; a partner sees only its own",
            description = "Filters: state, severity (effective), partnerId, overdueDuty=true (a pending duty past"
                    + " its due time). Keyset pages: limit (1-500, default 50) and the nextCursor of the last page.")
    public Uni<Page<IncidentView>> list(@QueryParam("state") String state, @QueryParam("severity") String severity,
            @QueryParam("partnerId") String partnerId, @QueryParam("overdueDuty") String overdueDuty,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        UUID after = Cursors.decodeUuid(cursor);
        IncidentFilter filter = new IncidentFilter(QueryParams.enumOf("state", state, IncidentState.class),
                QueryParams.enumOf("severity", severity, Severity.class), QueryParams.uuid("partnerId", partnerId),
                Boolean.TRUE.equals(QueryParams.bool("overdueDuty", overdueDuty)));
        if (!caller.isOversight()) {
            UUID own = caller.requirePartnerId();
            if (filter.partnerId() != null && !filter.partnerId().equals(own)) {
                return Uni.createFrom().item(new Page<>(List.of(), null)); // another tenant: nothing to see
            }
            filter = new IncidentFilter(filter.state(), filter.severity(), own, filter.overdueDuty());
        }
        return incidents.page(filter, clock.now(), after, size + 1)
                .map(list -> Cursors.page(list, size, i -> i.id.toString()))
                .chain(page -> responder.views(page.items()).map(views -> new Page<>(views, page.nextCursor())));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "Read an incident with its assessment and duty summary; free text masked for others (3.2.d)")
    @APIResponseSchema(value = IncidentView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.load(id).chain(responder::ok);
    }
}

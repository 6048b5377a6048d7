package com.privacyplatform.registry.partner;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
import com.privacyplatform.registry.partner.PartnerRepository.PartnerFilter;
import com.privacyplatform.registry.partner.PartnerRequests.OnboardRequest;
import com.privacyplatform.registry.partner.PartnerRequests.SecurityOfficerRequest;
import com.privacyplatform.registry.partner.PartnerRequests.UpdateRequest;
import com.privacyplatform.registry.partner.PartnerViews.PartnerView;
import com.privacyplatform.registry.partner.PartnerViews.StatusChangeView;
import com.privacyplatform.registry.credential.CredentialView;
import com.privacyplatform.registry.credential.PartnerClients;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Partners: onboarding, reading, profile, security officer and lifecycle transitions. */
@Path("/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partners")
public class PartnerResource {

    private static final Logger LOG = Logger.getLogger(PartnerResource.class);

    private final PartnerService service;
    private final PartnerRepository partners;
    private final PartnerViewMapper views;
    private final Idempotency idempotency;
    private final Caller caller;
    private final PartnerClients clients;

    public PartnerResource(PartnerService service, PartnerRepository partners, PartnerViewMapper views,
            Idempotency idempotency, Caller caller, PartnerClients clients) {
        this.service = service;
        this.partners = partners;
        this.views = views;
        this.idempotency = idempotency;
        this.caller = caller;
        this.clients = clients;
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Onboard a partner (status PENDING) and create its OIDC client in Keycloak; its id is"
            + " derived from its OIDC client id. A generated secret is in this answer only (a replay with the same"
            + " Idempotency-Key answers without it). 502/503 when Keycloak fails: then nothing is onboarded.")
    @APIResponseSchema(value = PartnerView.class, responseCode = "201",
            responseDescription = "Created; Location and ETag name it; `credential` says how the partner authenticates")
    public Uni<Response> onboard(@Valid @NotNull OnboardRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        // the stored (replayable) answer never holds the secret; the first answer does
        AtomicReference<PartnerService.Onboarded> fresh = new AtomicReference<>();
        return Panache.withTransaction(() -> idempotency.run(idempotencyKey, caller.auditActor().actor(),
                        List.of("POST /partners", request), () -> service.onboard(request).invoke(fresh::set)
                                .map(o -> created(o.partner(), o.credential().withoutSecret()))))
                .onFailure().call(() -> undoClient(fresh.get()))
                .map(stored -> fresh.get() == null ? stored : created(fresh.get().partner(), fresh.get().credential()));
    }

    /** The onboarding did not commit: the client it created must not outlive it (never a half-onboarded partner). */
    private Uni<Void> undoClient(PartnerService.Onboarded onboarded) {
        if (onboarded == null || !onboarded.clientCreated()) {
            return Uni.createFrom().voidItem();
        }
        return clients.remove(onboarded.partner().oidcClientId, onboarded.partner().id).onFailure().invoke(e ->
                LOG.errorf("onboarding of %s failed and its new Keycloak client could not be removed (%s); a new"
                        + " onboarding of the same client id replaces it", onboarded.partner().id, e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Response created(Partner p, CredentialView credential) {
        return Versions.created(URI.create("/partners/" + p.id), views.view(p).withCredential(credential), p.version);
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "List partners, filtered by status, jurisdiction or name, in onboarding order")
    public Uni<Page<PartnerView>> list(@QueryParam("status") String status,
            @QueryParam("jurisdiction") String jurisdiction, @QueryParam("name") String name,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        PartnerFilter filter = new PartnerFilter(QueryParams.enumOf("status", status, PartnerStatus.class),
                QueryParams.text(jurisdiction), QueryParams.text(name));
        Cursors.TimeAndId after = Cursors.decodeTimeAndId(cursor);
        return partners.page(filter, after == null ? null : after.at(), after == null ? null : after.id(), size + 1)
                .map(list -> Cursors.page(list, size, p -> Cursors.timeAndId(p.createdAt, p.id)))
                .map(page -> page.map(views::view));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "Read a partner; a partner may read only its own record")
    @APIResponseSchema(value = PartnerView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.load(id).map(this::ok);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Replace the partner's profile (legal name, jurisdiction, contact)")
    @APIResponseSchema(value = PartnerView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateRequest request) {
        return service.update(id, ifMatch, request).map(this::ok);
    }

    @PUT
    @Path("/{id}/security-officer")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER})
    @WithTransaction
    @Operation(summary = "Name the security officer and department (3.4.d); the partner may name its own")
    @Enforces("3.4.d")
    @APIResponseSchema(value = PartnerView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> securityOfficer(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SecurityOfficerRequest request) {
        return service.nameSecurityOfficer(id, ifMatch, request).map(this::ok);
    }

    @GET
    @Path("/{id}/status-history")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "The partner's lifecycle transitions with reasons, oldest first")
    public Uni<List<StatusChangeView>> history(@PathParam("id") UUID id) {
        return service.load(id).chain(p -> partners.history(p.id))
                .map(changes -> changes.stream().map(views::view).toList());
    }

    private Response ok(Partner p) {
        return Versions.ok(views.view(p), p.version);
    }
}

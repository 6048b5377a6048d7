package com.privacyplatform.registry.scope;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Target;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.partner.PartnerService;
import com.privacyplatform.registry.scope.ScopeRequests.AdmAuthorizationRequest;
import com.privacyplatform.registry.scope.ScopeRequests.ScopeRequest;
import com.privacyplatform.registry.scope.ScopeRequests.ScopeView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The permitted scope and the automated decision-making authorization of a partner. */
@Path("/partners/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Permitted scope")
public class ScopeResource {

    private final ScopeService service;
    private final ScopeRepository scopes;
    private final PartnerService partners;

    public ScopeResource(ScopeService service, ScopeRepository scopes, PartnerService partners) {
        this.service = service;
        this.scopes = scopes;
        this.partners = partners;
    }

    @GET
    @Path("/scope")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "The partner's permitted purposes x data categories (3.1.a-b, 3.2.a)")
    @APIResponseSchema(value = ScopeView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return partners.load(id).chain(this::view);
    }

    @PUT
    @Path("/scope")
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Replace the permitted scope; emits partner.scope-changed", description = "A purpose the"
            + " vocabulary flags as profiling needs the platform's authorization first (422"
            + " automated-decisions-not-authorized, clause 3.2.c).")
    @Enforces({"3.1.b", "3.2.a"})
    @APIResponseSchema(value = ScopeView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> replace(@BeanParam Target target, @Valid @NotNull ScopeRequest request) {
        return service.replace(target.id(), target.ifMatch(), request).chain(this::view);
    }

    @PUT
    @Path("/automated-decision-authorization")
    @RolesAllowed(Roles.OFFICER)
    @WithTransaction
    @Operation(summary = "Grant or withdraw the platform's authorization for the purposes that profile or decide"
            + " automatically (3.2.c)", description = "Covers every purpose the vocabulary flags as profiling"
            + " (automated_decision_making, fraud_detection, personalization). Withdrawing it removes all of them from"
            + " the scope; consent-service then refuses recordings and denies checks for them.")
    @Enforces("3.2.c")
    @APIResponseSchema(value = ScopeView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> authorize(@BeanParam Target target, @Valid @NotNull AdmAuthorizationRequest request) {
        return service.authorizeAutomatedDecisions(target.id(), target.ifMatch(), request).chain(this::view);
    }

    private Uni<Response> view(Partner p) {
        return scopes.scopeOf(p.id)
                .map(scope -> Versions.ok(new ScopeView(p.id, p.scopeVersion, p.admAuthorized, scope), p.version));
    }
}

package com.privacyplatform.registry.scorecard;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 4.6: one partner's compliance scorecard. */
@Path("/partners/{id}/scorecard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecards")
public class ScorecardResource {

    private final ScorecardService service;

    public ScorecardResource(ScorecardService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "A partner's risk level with reasons (4.6); a partner may read its own")
    @Enforces("4.6")
    public Uni<ScorecardView> get(@PathParam("id") UUID id) {
        return service.of(id);
    }
}

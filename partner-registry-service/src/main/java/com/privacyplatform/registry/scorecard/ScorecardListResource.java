package com.privacyplatform.registry.scorecard;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 4.6 oversight: partners listed by risk, for officers and auditors. */
@Path("/scorecards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecards")
public class ScorecardListResource {

    private final ScorecardService service;

    public ScorecardListResource(ScorecardService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "Scorecards of all partners not TERMINATED, highest risk first, then by partner id")
    @Enforces("4.6")
    public Uni<Page<ScorecardView>> list(@QueryParam("riskLevel") String riskLevel,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        RiskLevel level = QueryParams.enumOf("riskLevel", riskLevel, RiskLevel.class);
        return service.list(level, ScorecardCursor.decode(cursor), size);
    }
}

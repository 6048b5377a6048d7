package com.privacyplatform.registry.inspection;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.registry.inspection.SelfInspectionViews.OverdueInspectionView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 3.4.e oversight: partners whose annual self-inspection is past due. */
@Path("/self-inspections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Self-inspections")
public class OverdueInspectionResource {

    private final InspectionDueQueries due;
    private final PlatformClock clock;

    public OverdueInspectionResource(InspectionDueQueries due, PlatformClock clock) {
        this.due = due;
        this.clock = clock;
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Enforces("3.4.e")
    @Operation(summary = "ACTIVE or SUSPENDED partners whose next self-inspection is past due, longest overdue first")
    public Uni<Page<OverdueInspectionView>> overdue(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        Cursors.DateAndId after = Cursors.decodeDateAndId(cursor);
        LocalDate afterDue = after == null ? null : after.on();
        UUID afterId = after == null ? null : after.id();
        LocalDate today = clock.today();
        return due.overdue(today, afterDue, afterId, size + 1)
                .map(list -> Cursors.page(list, size, d -> Cursors.dateAndId(d.dueOn(), d.partnerId())))
                .map(page -> page.map(d -> new OverdueInspectionView(d.partnerId(),
                        d.legalName(), d.partnerStatus(), d.lastPeriodEnd(), d.dueOn(), d.daysOverdue(today))));
    }
}

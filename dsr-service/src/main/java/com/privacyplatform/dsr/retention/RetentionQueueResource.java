package com.privacyplatform.dsr.retention;

import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
import com.privacyplatform.dsr.retention.RetentionViews.RetentionBasisView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 3.5.d: the officer's queue of retention bases across partners (e.g. {@code ?status=PENDING_REVIEW}). */
@Path("/retention-bases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention bases")
@RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
public class RetentionQueueResource {

    private final RetentionBasisRepository bases;

    public RetentionQueueResource(RetentionBasisRepository bases) {
        this.bases = bases;
    }

    @GET
    @WithSession
    @Operation(summary = "Every partner's retention bases, oldest first; filter by status (PENDING_REVIEW: the"
            + " legal obligations waiting for the officer) and partner")
    public Uni<Page<RetentionBasisView>> list(@QueryParam("status") String status,
            @QueryParam("partnerId") String partnerId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        RetentionStatus wanted = QueryParams.enumOf("status", status, RetentionStatus.class);
        UUID partner = QueryParams.uuid("partnerId", partnerId);
        int size = Cursors.limit(limit);
        Cursors.TimeAndId after = Cursors.decodeTimeAndId(cursor);
        return bases.page(partner, wanted, after == null ? null : after.at(), after == null ? null : after.id(),
                        size + 1)
                .map(list -> Cursors.page(list, size, b -> Cursors.timeAndId(b.recordedAt, b.id)))
                .map(page -> page.map(RetentionBasisView::of));
    }
}

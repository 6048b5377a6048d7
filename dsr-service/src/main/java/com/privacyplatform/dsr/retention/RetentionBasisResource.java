package com.privacyplatform.dsr.retention;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
import com.privacyplatform.dsr.retention.RetentionRequests.RetentionBasisRequest;
import com.privacyplatform.dsr.retention.RetentionViews.RetentionBasisView;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 3.5.d: the partner's legal bases for keeping data after termination. */
@Path("/partners/{partnerId}/retention-bases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Retention bases")
public class RetentionBasisResource {

    private final RetentionBasisService service;
    private final RetentionBasisRepository bases;
    private final Caller caller;

    public RetentionBasisResource(RetentionBasisService service, RetentionBasisRepository bases, Caller caller) {
        this.service = service;
        this.bases = bases;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @WithTransaction
    @Operation(summary = "Record a basis to keep a subject's data or a category after termination (3.5.d): the"
            + " subject's express consent to it (checked against their consents; CONSENT_VERIFIED) or a legal"
            + " obligation (PENDING_REVIEW until an officer approves it); honoured when the termination fans out")
    @Enforces("3.5.d")
    @APIResponseSchema(value = RetentionBasisView.class, responseCode = "201", responseDescription = Versions.CREATED)
    public Uni<Response> record(@PathParam("partnerId") UUID partnerId, @Valid @NotNull RetentionBasisRequest request) {
        return service.record(partnerId, request).call(bases::flush).map(b -> Versions.created(
                URI.create("/partners/" + partnerId + "/retention-bases/" + b.id), RetentionBasisView.of(b), b.version));
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "The partner's retention bases, oldest first, optionally of one status; a partner reads its"
            + " own")
    public Uni<Page<RetentionBasisView>> list(@PathParam("partnerId") UUID partnerId,
            @QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        caller.requireVisible(caller.maySeePartner(partnerId), "partner");
        RetentionStatus wanted = QueryParams.enumOf("status", status, RetentionStatus.class);
        int size = Cursors.limit(limit);
        Cursors.TimeAndId after = Cursors.decodeTimeAndId(cursor);
        return bases.page(partnerId, wanted, after == null ? null : after.at(), after == null ? null : after.id(),
                        size + 1)
                .map(list -> Cursors.page(list, size, b -> Cursors.timeAndId(b.recordedAt, b.id)))
                .map(page -> page.map(RetentionBasisView::of));
    }

    @GET
    @Path("/{basisId}")
    @RolesAllowed({Roles.PARTNER, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "One retention basis of the partner (where POST's Location points); a partner reads its own")
    @APIResponseSchema(value = RetentionBasisView.class, responseCode = "200",
            responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> one(@PathParam("partnerId") UUID partnerId, @PathParam("basisId") UUID basisId) {
        caller.requireVisible(caller.maySeePartner(partnerId), "partner");
        return bases.findById(basisId).map(b -> {
            caller.requireVisible(b != null && b.partnerId.equals(partnerId), "retention basis");
            return ok(b);
        });
    }

    private Response ok(RetentionBasis b) {
        return Versions.ok(RetentionBasisView.of(b), b.version);
    }
}

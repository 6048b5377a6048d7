package com.privacyplatform.registry.transfer;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.Changes;
import com.privacyplatform.commons.http.Changes.Created;
import com.privacyplatform.commons.http.Idempotency;
import com.privacyplatform.commons.http.Versions;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.commons.problem.QueryParams;
import com.privacyplatform.api.vocabulary.Vocabulary;
import com.privacyplatform.registry.partner.PartnerService;
import com.privacyplatform.registry.transfer.TransferRequests.TransferRequest;
import com.privacyplatform.registry.transfer.TransferViews.TransferView;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cross-border transfers of a partner (3.3.c) and the compliance officer's decisions on them. */
@Path("/partners/{id}/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cross-border transfers")
public class TransferResource {

    private final TransferService service;
    private final TransferRepository transfers;
    private final PartnerService partners;
    private final Changes changes;

    public TransferResource(TransferService service, TransferRepository transfers, PartnerService partners,
            Changes changes) {
        this.service = service;
        this.transfers = transfers;
        this.partners = partners;
        this.changes = changes;
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER})
    @WithTransaction
    @Operation(summary = "Record a cross-border transfer (PENDING_APPROVAL); a partner may record its own (3.3.c)")
    @Enforces("3.3.c")
    @APIResponseSchema(value = TransferView.class, responseCode = "201", responseDescription = Versions.CREATED)
    public Uni<Response> create(@PathParam("id") UUID id, @Valid @NotNull TransferRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return changes.create(idempotencyKey, "/partners/" + id + "/transfers", request,
                () -> service.request(id, request).map(t -> new Created(t.id, TransferViews.of(t), t.version)));
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "List the partner's transfers in creation order, filtered by status or destination")
    public Uni<Page<TransferView>> list(@PathParam("id") UUID id, @QueryParam("status") String status,
            @QueryParam("destinationCountry") String destination, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        TransferStatus filter = QueryParams.enumOf("status", status, TransferStatus.class);
        String country = parseCountry(destination);
        UUID after = Cursors.decodeUuid(cursor);
        return partners.load(id)
                .chain(p -> transfers.page(p.id, filter, country, after, size + 1))
                .map(list -> Cursors.page(list, size, t -> t.id.toString()))
                .map(page -> page.map(TransferViews::of));
    }

    @GET
    @Path("/{transferId}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR, Roles.PARTNER})
    @WithSession
    @Operation(summary = "Read a transfer; a partner may read only its own")
    @APIResponseSchema(value = TransferView.class, responseCode = "200", responseDescription = Versions.CURRENT_STATE)
    public Uni<Response> get(@PathParam("id") UUID id, @PathParam("transferId") UUID transferId) {
        return service.load(id, transferId).map(this::ok);
    }

    private Response ok(Transfer t) {
        return Versions.ok(TransferViews.of(t), t.version);
    }

    private static String parseCountry(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        if (!Vocabulary.isCountryCode(country)) {
            throw QueryParams.invalid("destinationCountry", "is not an assigned ISO 3166-1 alpha-2 code");
        }
        return country;
    }
}

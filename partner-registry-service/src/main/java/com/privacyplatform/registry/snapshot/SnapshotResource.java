package com.privacyplatform.registry.snapshot;

import com.privacyplatform.api.events.PartnerEvents.ScopeItem;
import com.privacyplatform.api.events.PartnerEvents.TransferItem;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.partner.PartnerRepository;
import com.privacyplatform.registry.partner.PartnerRepository.PartnerFilter;
import com.privacyplatform.registry.scope.ScopeEntry;
import com.privacyplatform.registry.scope.ScopeRepository;
import com.privacyplatform.registry.transfer.ApprovedTransfers;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What other services need to bootstrap their partner projection before events take over: every
 * partner's status, jurisdiction, scope and ADM flag, with the scope version to order against
 * later {@code partner.scope-changed} events, and its APPROVED transfers (3.3.c) with the version to
 * order against later {@code partner.transfers-changed} events. No contact values.
 */
@Path("/partner-snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projections")
public class SnapshotResource {

    private final PartnerRepository partners;
    private final ScopeRepository scopes;
    private final ApprovedTransfers transfers;

    public SnapshotResource(PartnerRepository partners, ScopeRepository scopes, ApprovedTransfers transfers) {
        this.partners = partners;
        this.scopes = scopes;
        this.transfers = transfers;
    }

    @Schema(name = "PartnerSnapshot")
    public record PartnerSnapshot(UUID partnerId, String oidcClientId, String jurisdiction, PartnerStatus status,
            int scopeVersion, List<ScopeItem> scope, boolean automatedDecisionAuthorized, Instant updatedAt,
            @Schema(description = "3.5.d: when every deletion task of the termination was resolved; null until then")
            Instant terminationDeletionCompletedAt,
            @Schema(description = "Grows with every approval and revocation of a transfer (3.3.c)")
            long transfersVersion,
            @Schema(description = "The partner's APPROVED cross-border transfers (3.3.c)")
            List<TransferItem> transfers) {
    }

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "Page through every partner's projection state (status, scope, ADM flag, approved transfers)")
    public Uni<Page<PartnerSnapshot>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        Cursors.TimeAndId after = Cursors.decodeTimeAndId(cursor);
        return partners.page(new PartnerFilter(null, null, null), after == null ? null : after.at(),
                        after == null ? null : after.id(), size + 1)
                .map(list -> Cursors.page(list, size, p -> Cursors.timeAndId(p.createdAt, p.id)))
                .chain(page -> withScopes(page.items()).map(items -> new Page<>(items, page.nextCursor())));
    }

    private Uni<List<PartnerSnapshot>> withScopes(List<Partner> page) {
        List<UUID> ids = page.stream().map(p -> p.id).toList();
        return scopes.list("key.partnerId in ?1", ids).chain(entries -> transfers.ofAll(ids).map(facts -> {
            Map<UUID, List<ScopeEntry>> byPartner = entries.stream()
                    .collect(Collectors.groupingBy(e -> e.key.partnerId));
            return page.stream().map(p -> {
                ApprovedTransfers.Facts approved = facts.getOrDefault(p.id, ApprovedTransfers.Facts.NONE);
                return new PartnerSnapshot(p.id, p.oidcClientId, p.jurisdiction, p.status, p.scopeVersion,
                        ScopeRepository.group(byPartner.getOrDefault(p.id, List.of())), p.admAuthorized,
                        p.updatedAt.toInstant(), p.terminationDeletionCompletedAt == null ? null
                                : p.terminationDeletionCompletedAt.toInstant(),
                        approved.version(), approved.approved());
            }).toList();
        }));
    }
}

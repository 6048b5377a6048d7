package com.privacyplatform.registry.transfer;

import com.privacyplatform.api.events.PartnerEvents.TransferItem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What other services keep of a partner's transfers (3.3.c): the APPROVED ones, and a version that
 * grows with every approval and revocation - the number of approvals plus the number of revocations,
 * derived from the transfers' states (APPROVED -> REVOKED is the only way out of APPROVED), so the
 * event and the snapshot always agree on it.
 */
@ApplicationScoped
public class ApprovedTransfers {

    /** The approved transfers of one partner and their version. */
    public record Facts(long version, List<TransferItem> approved) {

        public static final Facts NONE = new Facts(0, List.of());
    }

    private final TransferRepository transfers;

    public ApprovedTransfers(TransferRepository transfers) {
        this.transfers = transfers;
    }

    public Uni<Facts> of(UUID partnerId) {
        return ofAll(List.of(partnerId)).map(all -> all.getOrDefault(partnerId, Facts.NONE));
    }

    /** Facts per partner among {@code partnerIds}; partners that never had an approved transfer are absent. */
    public Uni<Map<UUID, Facts>> ofAll(Collection<UUID> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return transfers.list("partnerId in ?1 and status in ?2 order by id", partnerIds,
                List.of(TransferStatus.APPROVED, TransferStatus.REVOKED)).map(ApprovedTransfers::facts);
    }

    private static Map<UUID, Facts> facts(List<Transfer> decided) {
        Map<UUID, Long> versions = new HashMap<>();
        Map<UUID, List<TransferItem>> approved = new HashMap<>();
        for (Transfer t : decided) {
            versions.merge(t.partnerId, t.status == TransferStatus.REVOKED ? 2L : 1L, Long::sum);
            List<TransferItem> items = approved.computeIfAbsent(t.partnerId, id -> new ArrayList<>());
            if (t.status == TransferStatus.APPROVED) {
                items.add(new TransferItem(t.id, t.destinationCountry, List.copyOf(t.categories)));
            }
        }
        Map<UUID, Facts> out = new HashMap<>();
        versions.forEach((partnerId, version) -> out.put(partnerId,
                new Facts(version, List.copyOf(approved.get(partnerId)))));
        return out;
    }
}

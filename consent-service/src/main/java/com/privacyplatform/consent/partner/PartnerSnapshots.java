package com.privacyplatform.consent.partner;

import com.privacyplatform.api.events.PartnerEvents.ScopeItem;
import com.privacyplatform.api.events.PartnerEvents.TransferItem;
import com.privacyplatform.api.events.PartnerStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An item of the registry's {@code GET /partner-snapshots} pages, as the bootstrap reads it. */
public final class PartnerSnapshots {

    private PartnerSnapshots() {
    }

    @RegisterForReflection
    public record PartnerSnapshot(UUID partnerId, String oidcClientId, String jurisdiction, PartnerStatus status,
            int scopeVersion, List<ScopeItem> scope, boolean automatedDecisionAuthorized, Instant updatedAt,
            Long transfersVersion, List<TransferItem> transfers) {
    }
}

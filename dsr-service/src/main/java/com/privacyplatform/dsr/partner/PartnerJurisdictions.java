package com.privacyplatform.dsr.partner;

import com.privacyplatform.api.vocabulary.Vocabulary;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The partners' jurisdictions (projection of the registry's events): who is under which law. */
@ApplicationScoped
public class PartnerJurisdictions implements PanacheRepositoryBase<PartnerJurisdiction, UUID> {

    /**
     * Records the jurisdiction announced at {@code asOf}, unless a later announcement is already kept.
     * A value that is not an ISO 3166-1 code is ignored (it would set no deadline).
     */
    public Uni<Void> announce(UUID partnerId, String jurisdiction, OffsetDateTime asOf) {
        if (partnerId == null) {
            throw new IllegalArgumentException("partner event without partnerId");
        }
        if (!Vocabulary.isCountryCode(jurisdiction)) {
            return Uni.createFrom().voidItem();
        }
        return getSession().chain(s -> s.createNativeQuery("""
                        INSERT INTO partner_jurisdiction (partner_id, jurisdiction, as_of, updated_at)
                        VALUES (:partner, :jurisdiction, :asOf, now())
                        ON CONFLICT (partner_id) DO UPDATE SET jurisdiction = excluded.jurisdiction,
                            as_of = excluded.as_of, updated_at = now()
                        WHERE partner_jurisdiction.as_of <= excluded.as_of""")
                .setParameter("partner", partnerId).setParameter("jurisdiction", jurisdiction)
                .setParameter("asOf", asOf)
                .executeUpdate()).replaceWithVoid();
    }

    /** The known jurisdictions of {@code partnerIds}; partners never announced are absent. */
    public Uni<Map<UUID, String>> of(Collection<UUID> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("partnerId in ?1", List.copyOf(partnerIds)).map(rows -> {
            Map<UUID, String> out = new HashMap<>();
            rows.forEach(p -> out.put(p.partnerId, p.jurisdiction));
            return out;
        });
    }
}

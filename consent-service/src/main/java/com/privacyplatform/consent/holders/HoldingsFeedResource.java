package com.privacyplatform.consent.holders;

import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.paging.Cursors;
import com.privacyplatform.commons.paging.Page;
import com.privacyplatform.consent.record.Consent;
import com.privacyplatform.consent.record.ConsentEvents.EventRecipient;
import com.privacyplatform.consent.record.ConsentRepository;
import com.privacyplatform.consent.record.ConsentState;
import com.privacyplatform.consent.record.ConsentViewMapper;
import com.privacyplatform.consent.record.Decision;
import com.privacyplatform.consent.record.RecipientCodec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The holdings feed (issue 18.2): every granted consent as dsr-service's holdings projection keeps it
 * from consent.granted / consent.revoked / consent.expired, page by page in consent id order, so that
 * dsr can rebuild and reconcile its projection without relying on every event having arrived. For
 * platform services only (it carries subject ids, as the events do; a PERSON recipient's name masked).
 */
@Path("/holdings-feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Holders")
public class HoldingsFeedResource {

    /** One holding: a GRANTED decision and what became of it (ACTIVE, REVOKED or EXPIRED). */
    @RegisterForReflection
    public record Holding(UUID consentId, UUID partnerId, String subjectId, String purpose, List<String> categories,
            List<EventRecipient> recipients, String jurisdiction, String method, Instant collectedAt,
            Instant grantedAt, String status, Instant endedAt, UUID endedByRequestId) {
    }

    private final ConsentRepository consents;
    private final RecipientCodec recipients;

    public HoldingsFeedResource(ConsentRepository consents, RecipientCodec recipients) {
        this.consents = consents;
        this.recipients = recipients;
    }

    @GET
    @RolesAllowed(Roles.SERVICE)
    @WithSession
    @Operation(summary = "Every granted consent as a holding, in pages (platform services: dsr-service's reconciliation)")
    public Uni<Page<Holding>> feed(
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to " + Cursors.MAX_LIMIT + " (default " + Cursors.DEFAULT_LIMIT + ")")
            @QueryParam("limit") Integer limit) {
        int size = Cursors.limit(limit);
        UUID after = Cursors.decodeUuid(cursor);
        // size + 1 rows (range is inclusive): the last one only tells whether another page follows
        var query = after == null ? consents.find("decision = ?1 order by id", Decision.GRANTED)
                : consents.find("decision = ?1 and id > ?2 order by id", Decision.GRANTED, after);
        return query.range(0, size).list()
                .chain(page -> endedBy(page).map(requests -> page.stream().map(c -> holding(c, requests)).toList()))
                .map(items -> Cursors.page(items, size, h -> h.consentId().toString()));
    }

    private Holding holding(Consent c, Map<UUID, UUID> requests) {
        String status = switch (c.state) {
            case REVOKED -> "REVOKED";
            case EXPIRED -> "EXPIRED";
            // a superseded grant is not announced: the partner obtained the data all the same
            default -> "ACTIVE";
        };
        boolean ended = c.state == ConsentState.REVOKED || c.state == ConsentState.EXPIRED;
        List<EventRecipient> named = ConsentViewMapper.masked(recipients.fromJson(c.recipients)).stream()
                .map(x -> new EventRecipient(x.name(), x.country(), x.kind())).toList();
        return new Holding(c.id, c.partnerId, c.subjectId, c.purpose, List.of(c.categories), named, c.jurisdiction,
                c.method, instant(c.collectedAt), instant(c.recordedAt), status, ended ? instant(c.stateChangedAt) : null,
                requests.get(c.id));
    }

    /** The dsr request behind each revocation on the page, where one asked for it. */
    private static Uni<Map<UUID, UUID>> endedBy(List<Consent> page) {
        List<UUID> revoked = page.stream().filter(c -> c.state == ConsentState.REVOKED).map(c -> c.id).toList();
        if (revoked.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT DISTINCT ON (consent_id) consent_id,"
                        + " request_id FROM consent_history WHERE consent_id IN (:ids) AND state = 'REVOKED'"
                        + " ORDER BY consent_id, at DESC", Object[].class)
                .setParameter("ids", revoked).getResultList())
                .map(rows -> {
                    Map<UUID, UUID> out = new HashMap<>();
                    rows.stream().filter(r -> r[1] != null).forEach(r -> out.put((UUID) r[0], (UUID) r[1]));
                    return out;
                });
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}

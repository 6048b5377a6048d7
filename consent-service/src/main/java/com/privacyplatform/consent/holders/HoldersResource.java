package com.privacyplatform.consent.holders;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.api.events.PartnerStatus;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.consent.holders.HoldersViews.HolderView;
import com.privacyplatform.consent.holders.HoldersViews.HoldersView;
import com.privacyplatform.consent.partner.ProjectionRepository;
import com.privacyplatform.consent.record.Consent;
import com.privacyplatform.consent.record.ConsentRepository;
import com.privacyplatform.consent.record.ConsentState;
import com.privacyplatform.consent.record.ConsentViewMapper;
import com.privacyplatform.consent.record.Recipient;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which partners (and the third parties recorded on their consents) may hold a subject's data:
 * every partner that was ever granted a consent by the subject, whatever the consent's state now
 * (a revoked consent does not delete data). dsr-service fans data-subject requests out with it
 * (3.5.c.b-c); the subject may look up their own.
 */
@Path("/subjects/{subjectId}/holders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Holders")
public class HoldersResource {

    private final ConsentRepository consents;
    private final ProjectionRepository projection;
    private final ConsentViewMapper views;
    private final Caller caller;

    public HoldersResource(ConsentRepository consents, ProjectionRepository projection, ConsentViewMapper views,
            Caller caller) {
        this.consents = consents;
        this.projection = projection;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.OFFICER, Roles.AUDITOR, Roles.DATA_SUBJECT})
    @WithSession
    @Operation(summary = "Partners and recorded third-party recipients holding the subject's data (for dsr-service's"
            + " fan-out); a subject may look up only their own id")
    @Enforces({"3.5.c.b", "3.4.f"})
    public Uni<HoldersView> holders(@PathParam("subjectId") String subjectId) {
        boolean allowed = caller.hasRole(Roles.SERVICE) || caller.isOversight()
                || caller.isDataSubject() && subjectId.equals(caller.subject());
        caller.requireVisible(allowed, "subject");
        return consents.grantedDecisionsOfSubject(subjectId).chain(granted -> {
            Map<UUID, List<Consent>> byPartner = new LinkedHashMap<>();
            granted.forEach(c -> byPartner.computeIfAbsent(c.partnerId, k -> new ArrayList<>()).add(c));
            return projection.statuses(byPartner.keySet()).map(statuses -> new HoldersView(subjectId,
                    byPartner.entrySet().stream().map(e -> holder(e.getKey(), statuses.get(e.getKey()),
                            e.getValue())).toList()));
        });
    }

    private HolderView holder(UUID partnerId, PartnerStatus status, List<Consent> granted) {
        Set<String> purposes = new TreeSet<>();
        Set<String> categories = new TreeSet<>();
        Set<Recipient> recipients = new LinkedHashSet<>();
        boolean active = false;
        for (Consent c : granted) {
            purposes.add(c.purpose);
            categories.addAll(List.of(c.categories));
            recipients.addAll(views.recipientsFor(c));
            active |= c.state == ConsentState.GRANTED;
        }
        return new HolderView(partnerId, status, active, List.copyOf(purposes), List.copyOf(categories),
                List.copyOf(recipients));
    }
}

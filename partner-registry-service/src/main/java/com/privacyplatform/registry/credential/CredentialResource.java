package com.privacyplatform.registry.credential;

import com.privacyplatform.commons.audit.AuditTrail;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.registry.partner.Partner;
import com.privacyplatform.registry.processor.PartnerLocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rotation of a partner's credential (3.4.f): a new secret or new registered keys replace the old
 * ones at once, so the old credential obtains no more tokens. Tokens it obtained before stay valid
 * until they expire (the short token lifetime, {@code registry.partner-clients.token-lifespan}).
 */
@Path("/partners/{id}/credential-rotation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partners")
public class CredentialResource {

    private final PartnerLocks locks;
    private final PartnerClients clients;
    private final AuditTrail audit;
    private final Caller caller;

    public CredentialResource(PartnerLocks locks, PartnerClients clients, AuditTrail audit, Caller caller) {
        this.locks = locks;
        this.clients = clients;
        this.audit = audit;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER})
    @WithTransaction
    @Operation(summary = "Replace the partner's credential (a new generated secret, shown once, or new public keys);"
            + " the old one stops working at once, tokens already issued expire within the token lifetime")
    public Uni<CredentialView> rotate(@PathParam("id") UUID id, @Valid @NotNull CredentialRequest request) {
        CredentialRules.Checked credential = clients.check(request, "");
        // the row lock orders a rotation against the disabling at the end of a termination
        return locks.lockVisible(id).chain(partner -> {
            requireUsable(partner);
            return clients.rotate(partner.oidcClientId, partner.id, credential)
                    .call(issued -> audit.record(caller.auditActor(), "partner.credential-rotated", "partner",
                            id.toString(), "{\"method\":\"" + issued.method() + "\"}"))
                    .map(issued -> clients.view(partner.oidcClientId, issued));
        });
    }

    private static void requireUsable(Partner partner) {
        if (partner.clientDisabledAt != null) {
            throw ProblemException.conflict("the partner's client was disabled when its termination's deletion work"
                    + " was complete; it gets no new credential");
        }
    }
}

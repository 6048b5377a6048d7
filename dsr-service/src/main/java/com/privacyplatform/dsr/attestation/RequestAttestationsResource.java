package com.privacyplatform.dsr.attestation;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.dsr.attestation.AttestationViews.AttestationView;
import com.privacyplatform.dsr.request.RequestService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A request's deletion attestations: the subject's proof of erasure (3.5.c), one per completed deletion task. */
@Path("/requests/{id}/attestations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deletion attestations")
public class RequestAttestationsResource {

    private final RequestService requests;
    private final AttestationRepository attestations;

    public RequestAttestationsResource(RequestService requests, AttestationRepository attestations) {
        this.requests = requests;
        this.attestations = attestations;
    }

    @GET
    @RolesAllowed({Roles.DATA_SUBJECT, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Enforces(value = {"3.5.c", "3.4.f"}, note = "the subject reads the attestations of their own requests only")
    @Operation(summary = "The signed deletion attestations of the request's completed deletion tasks, oldest first"
            + " (empty until a deletion task completes)")
    public Uni<List<AttestationView>> list(@PathParam("id") UUID id) {
        return requests.load(id).chain(r -> attestations.ofRequest(r.id))
                .map(list -> list.stream().map(AttestationView::of).toList());
    }
}

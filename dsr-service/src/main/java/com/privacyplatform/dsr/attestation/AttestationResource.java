package com.privacyplatform.dsr.attestation;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.identity.Caller;
import com.privacyplatform.commons.identity.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One deletion attestation as a file (JWS), and the public keys that verify every attestation offline.
 * The subject reads their own, the partner the ones of its own declarations, oversight all; anyone
 * else's is 404.
 */
@Path("/deletion-attestations")
@Tag(name = "Deletion attestations")
public class AttestationResource {

    public static final String JOSE = "application/jose";

    private final AttestationRepository attestations;
    private final AttestationSigner signer;
    private final Caller caller;

    public AttestationResource(AttestationRepository attestations, AttestationSigner signer, Caller caller) {
        this.attestations = attestations;
        this.signer = signer;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @Produces(JOSE)
    @RolesAllowed({Roles.DATA_SUBJECT, Roles.PARTNER, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Enforces(value = {"3.5.c", "3.4.f"}, note = "an attestation is its subject's, its declarant's and oversight's to read")
    @Operation(summary = "The deletion attestation (JWS compact); verify it offline with /deletion-attestations/jwks.json")
    @APIResponse(responseCode = "200", description = "JWS compact serialization", content = @Content(mediaType = JOSE,
            examples = @ExampleObject(name = "attestation", value = "eyJraWQiOiJhdHRlc3RhdGlvbnMtMjAyNi0xMiIsInR5cCI6"
                    + "ImRlbGV0aW9uLWF0dGVzdGF0aW9uK2p3dCIsImFsZyI6IkVTMjU2In0.eyJ2ZXJzaW9uIjoi...In0.MEUCIQ...")))
    @APIResponse(responseCode = "404", description = "unknown, or not the caller's to see")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return attestations.findById(id)
                .invoke(a -> caller.requireVisible(a != null && caller.maySeeSubjectObject(a.subjectId, a.partnerId),
                        "attestation"))
                .map(a -> Response.ok(a.jws, JOSE).header("Content-Disposition",
                        "attachment; filename=\"deletion-attestation-" + a.id + ".jws\"").build());
    }

    @GET
    @Path("/jwks.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JWK set of the attestation signing keys (public parts only, retired keys included);"
            + " verify attestations offline with it")
    @APIResponse(responseCode = "200", description = "JWK set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one EC key", value = "{\"keys\": [{\"kty\": \"EC\", \"use\": \"sig\","
                    + " \"crv\": \"P-256\", \"kid\": \"attestations-2026-12\", \"x\": \"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                    + " \"y\": \"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\", \"alg\": \"ES256\"}]}")))
    public Response jwks() {
        return Response.ok(signer.keys().publicJwks()).header("Cache-Control", "public, max-age=300").build();
    }
}

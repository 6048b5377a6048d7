package com.privacyplatform.consent.receipt;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify consent receipts, including retired keys (rotation). Public. */
@Path("/.well-known/jwks.json")
@Tag(name = "Receipts")
public class JwksResource {

    private final ReceiptSigner signer;

    public JwksResource(ReceiptSigner signer) {
        this.signer = signer;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JWK set of the receipt signing keys (public parts only); verify receipts offline with it")
    @APIResponse(responseCode = "200", description = "JWK set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one EC key", value = "{\"keys\": [{\"kty\": \"EC\", \"use\": \"sig\","
                    + " \"crv\": \"P-256\", \"kid\": \"receipts-2026-11\", \"x\": \"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                    + " \"y\": \"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\", \"alg\": \"ES256\"}]}")))
    public Response jwks() {
        return Response.ok(signer.keys().publicJwks()).header("Cache-Control", "public, max-age=300").build();
    }
}

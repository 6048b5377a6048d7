package com.privacyplatform.consent.receipt;

import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.consent.record.ConsentQueries;
import com.privacyplatform.consent.record.ConsentViewMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A consent's receipt: a JWS over its current state, signed with the active key. */
@Path("/consents/{id}/receipt")
@Tag(name = "Receipts")
public class ReceiptResource {

    public static final String JOSE = "application/jose";

    private final ConsentQueries queries;
    private final ConsentViewMapper views;
    private final ReceiptSigner signer;

    public ReceiptResource(ConsentQueries queries, ConsentViewMapper views, ReceiptSigner signer) {
        this.queries = queries;
        this.views = views;
        this.signer = signer;
    }

    @GET
    @Produces(JOSE)
    @RolesAllowed({Roles.DATA_SUBJECT, Roles.PARTNER, Roles.OFFICER, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "The consent receipt (JWS compact, Kantara Consent Receipt claims) of the consent's current"
            + " state; verify it offline with /.well-known/jwks.json")
    @APIResponse(responseCode = "200", description = "JWS compact serialization",
            content = @Content(mediaType = JOSE, examples = @ExampleObject(name = "receipt",
                    value = "eyJraWQiOiJyZWNlaXB0cy0yMDI2LTExIiwidHlwIjoiY29uc2VudC1yZWNlaXB0K2p3dCIsImFsZyI6IkVTMjU2In0"
                            + ".eyJ2ZXJzaW9uIjoiS0ktQ1ItdjEuMS4wIiwi...In0.MEUCIQ...")))
    public Uni<Response> receipt(@PathParam("id") UUID id) {
        return queries.load(id).map(c -> Response.ok(signer.sign(c, views.recipientsFor(c)), JOSE).build());
    }
}

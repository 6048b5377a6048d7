package com.privacyplatform.privacycenter.backend;

import com.privacyplatform.privacycenter.backend.ConsentViews.Consent;
import com.privacyplatform.privacycenter.backend.ConsentViews.ConsentPage;
import com.privacyplatform.privacycenter.backend.ConsentViews.HistoryEntry;
import com.privacyplatform.privacycenter.backend.ConsentViews.Holders;
import com.privacyplatform.privacycenter.backend.ConsentViews.RevocationBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** consent-service, called with the signed-in subject's own access token (it authorizes again). */
@RegisterRestClient(configKey = "consent")
@RegisterProvider(BackendFailures.Consent.class)
@Produces(MediaType.APPLICATION_JSON)
public interface ConsentApi {

    @GET
    @Path("/consents")
    ConsentPage list(@HeaderParam("Authorization") String bearer, @QueryParam("subjectId") String subjectId,
            @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/consents/{id}")
    Consent get(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/consents/{id}/history")
    List<HistoryEntry> history(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/consents/{id}/receipt")
    @Produces("application/jose")
    String receipt(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/consents/{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    Consent revoke(@HeaderParam("Authorization") String bearer, @HeaderParam("If-Match") String ifMatch,
            @PathParam("id") UUID id, RevocationBody body);

    @GET
    @Path("/subjects/{subjectId}/holders")
    Holders holders(@HeaderParam("Authorization") String bearer, @PathParam("subjectId") String subjectId);
}

package com.privacyplatform.privacycenter.backend;

import com.privacyplatform.privacycenter.backend.RequestViews.Attestation;
import com.privacyplatform.privacycenter.backend.RequestViews.Confirmation;
import com.privacyplatform.privacycenter.backend.RequestViews.Request;
import com.privacyplatform.privacycenter.backend.RequestViews.RequestPage;
import com.privacyplatform.privacycenter.backend.RequestViews.Submit;
import com.privacyplatform.privacycenter.backend.RequestViews.TimelineEntry;
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

/** dsr-service, called with the signed-in subject's own access token (it authorizes again). */
@RegisterRestClient(configKey = "dsr")
@RegisterProvider(BackendFailures.Dsr.class)
@Produces(MediaType.APPLICATION_JSON)
public interface DsrApi {

    @GET
    @Path("/requests")
    RequestPage list(@HeaderParam("Authorization") String bearer, @QueryParam("subjectId") String subjectId,
            @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/requests/{id}")
    Request get(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/requests/{id}/timeline")
    List<TimelineEntry> timeline(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    Request submit(@HeaderParam("Authorization") String bearer, @HeaderParam("Idempotency-Key") String key,
            Submit body);

    @POST
    @Path("/requests/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    Request confirm(@HeaderParam("Authorization") String bearer, @HeaderParam("If-Match") String ifMatch,
            @PathParam("id") UUID id, Confirmation body);

    @GET
    @Path("/requests/{id}/export")
    String export(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/requests/{id}/attestations")
    List<Attestation> attestations(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);
}

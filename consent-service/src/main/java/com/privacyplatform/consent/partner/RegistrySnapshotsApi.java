package com.privacyplatform.consent.partner;

import com.privacyplatform.consent.partner.PartnerSnapshots.SnapshotPage;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** partner-registry-service's snapshot endpoint (REST client, built for the configured base URL). */
@Path("/partner-snapshots")
public interface RegistrySnapshotsApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<SnapshotPage> page(@HeaderParam("Authorization") String authorization, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);
}

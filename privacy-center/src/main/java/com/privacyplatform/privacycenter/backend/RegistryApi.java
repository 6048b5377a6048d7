package com.privacyplatform.privacycenter.backend;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * partner-registry-service's partner directory (public business facts: legal name, jurisdiction,
 * status), called with the signed-in subject's own access token.
 */
@RegisterRestClient(configKey = "registry")
@RegisterProvider(BackendFailures.Registry.class)
@Produces(MediaType.APPLICATION_JSON)
public interface RegistryApi {

    /** At most this many ids per call (the registry refuses more). */
    int MAX_IDS = 100;

    @RegisterForReflection
    record DirectoryEntry(UUID partnerId, String legalName, String jurisdiction, String status) {
    }

    @RegisterForReflection
    record Directory(List<DirectoryEntry> items) {
    }

    @GET
    @Path("/partner-directory")
    Directory directory(@HeaderParam("Authorization") String bearer, @QueryParam("id") List<String> ids);
}

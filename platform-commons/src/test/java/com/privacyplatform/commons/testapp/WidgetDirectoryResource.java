package com.privacyplatform.commons.testapp;

import com.privacyplatform.commons.problem.ProblemException;
import com.privacyplatform.commons.projection.ProjectionSync;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

/** Reads of the test projection, which need it built (the officer's view: {@link WidgetProjectionResource}). */
@Path("/")
public class WidgetDirectoryResource {

    private final WidgetDirectory directory;
    private final ProjectionSync sync;

    public WidgetDirectoryResource(WidgetDirectory directory, ProjectionSync sync) {
        this.directory = directory;
        this.sync = sync;
    }

    @GET
    @Path("/widget-directory/{name}")
    @Authenticated
    public Uni<Map<String, String>> colour(@PathParam("name") String name) {
        sync.requireBuilt(WidgetDirectory.PROJECTION);
        return directory.colour(name).map(colour -> {
            if (colour == null) {
                throw ProblemException.notFound("no widget " + name);
            }
            return Map.of("name", name, "colour", colour);
        });
    }
}

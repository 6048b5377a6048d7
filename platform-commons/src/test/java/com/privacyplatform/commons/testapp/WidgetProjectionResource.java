package com.privacyplatform.commons.testapp;

import com.privacyplatform.commons.projection.ProjectionResource;
import com.privacyplatform.commons.projection.ProjectionSync;
import jakarta.ws.rs.Path;

/** The officer's view and reconciliation of the test projection, as a service exposes its own. */
@Path("/projections/" + WidgetDirectory.PROJECTION)
public class WidgetProjectionResource extends ProjectionResource {

    public WidgetProjectionResource(ProjectionSync sync) {
        super(sync, WidgetDirectory.PROJECTION);
    }
}

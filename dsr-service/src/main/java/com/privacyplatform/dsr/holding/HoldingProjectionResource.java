package com.privacyplatform.dsr.holding;

import com.privacyplatform.commons.projection.ProjectionResource;
import com.privacyplatform.commons.projection.ProjectionSync;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The officer's view of the holdings projection (issue 18.2): whether it is built, its last
 * reconciliation with consent-service's holdings feed and the drift repaired; and a reconciliation
 * on request.
 */
@Path("/projections/" + HoldingReconciliation.PROJECTION)
@Tag(name = "Projections")
public class HoldingProjectionResource extends ProjectionResource {

    public HoldingProjectionResource(ProjectionSync sync) {
        super(sync, HoldingReconciliation.PROJECTION);
    }
}

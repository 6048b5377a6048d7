package com.privacyplatform.consent.partner;

import com.privacyplatform.commons.projection.ProjectionResource;
import com.privacyplatform.commons.projection.ProjectionSync;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The officer's view of the partner projection (issue 18.2): whether it is built, its last
 * reconciliation with the registry's snapshots and the drift repaired; and a reconciliation on request.
 */
@Path("/projections/" + PartnerReconciliation.PROJECTION)
@Tag(name = "Projections")
public class PartnerProjectionResource extends ProjectionResource {

    public PartnerProjectionResource(ProjectionSync sync) {
        super(sync, PartnerReconciliation.PROJECTION);
    }
}

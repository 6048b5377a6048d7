package com.privacyplatform.registry.assessment;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** A change of one finding names the partner, the audit, the finding and the version read ({@code If-Match}). */
public record FindingTarget(@PathParam("id") UUID partnerId, @PathParam("auditId") UUID auditId,
        @PathParam("findingId") UUID findingId, @HeaderParam("If-Match") String ifMatch) {
}

package com.privacyplatform.registry.assessment;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** A change of one audit names the partner, the audit and the version read ({@code If-Match}). */
public record AuditTarget(@PathParam("id") UUID partnerId, @PathParam("auditId") UUID auditId,
        @HeaderParam("If-Match") String ifMatch) {
}

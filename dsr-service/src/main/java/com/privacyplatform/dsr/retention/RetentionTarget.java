package com.privacyplatform.dsr.retention;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** A review of a retention basis names the partner, the basis and the version read ({@code If-Match}). */
public record RetentionTarget(@PathParam("partnerId") UUID partnerId, @PathParam("basisId") UUID basisId,
        @HeaderParam("If-Match") String ifMatch) {
}

package com.privacyplatform.registry.transfer;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** A decision on one transfer names the partner, the transfer and the version read ({@code If-Match}). */
public record TransferTarget(@PathParam("id") UUID partnerId, @PathParam("transferId") UUID transferId,
        @HeaderParam("If-Match") String ifMatch) {
}

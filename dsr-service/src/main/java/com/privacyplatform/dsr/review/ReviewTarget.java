package com.privacyplatform.dsr.review;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** A decision on a rejection review names the deletion task and the version read ({@code If-Match}). */
public record ReviewTarget(@PathParam("taskId") UUID taskId, @HeaderParam("If-Match") String ifMatch) {
}

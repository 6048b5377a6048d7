package com.privacyplatform.registry.processor;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** A change of one processor names the partner, the processor and the version read ({@code If-Match}). */
public record ProcessorTarget(@PathParam("id") UUID partnerId, @PathParam("processorId") UUID processorId,
        @HeaderParam("If-Match") String ifMatch) {
}

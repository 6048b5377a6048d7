package com.privacyplatform.commons.http;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/**
 * What a change of the resource {@code .../{id}} names besides its body: the resource and the
 * version the client read ({@code If-Match}, optional). A {@code @BeanParam} of the endpoint.
 */
public record Target(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
}

package com.privacyplatform.api.transport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The platform's own limits on a request's transport shape, checked by a route before anything
 * else runs so that the answer is the platform's (problem+json, or a page in words for the privacy
 * center). The HTTP layer's hard limits ({@code quarkus.http.limits.*}) are set above these: only a
 * request far beyond them still gets the HTTP layer's bare answer (each README says which).
 *
 * <p>Defaults are the services' limits; the gateway sets lower ones, so whatever the gateway lets
 * through - plus the forwarding headers it adds - also passes the service behind it.
 */
@ConfigMapping(prefix = "platform.http.limits")
public interface TransportLimits {

    /** Longest request target (path and query string), in characters: 414 above it. */
    @WithDefault("4096")
    int maxUriLength();

    /** Largest header section, counting each field as name + value + 4 bytes: 431 above it. */
    @WithDefault("24576")
    int maxHeaderBytes();

    /** Most header fields in one request: 431 above it. */
    @WithDefault("120")
    int maxHeaders();

    /** Largest request body, by its Content-Length: 413 above it. Chunked bodies get 411. */
    @WithDefault("2097152")
    long maxBodyBytes();
}

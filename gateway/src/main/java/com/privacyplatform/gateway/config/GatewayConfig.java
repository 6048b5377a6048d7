package com.privacyplatform.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes, backends, limits. Backends and routes are data so that adding a service is configuration. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Backend name -> base URL, e.g. {@code registry -> http://localhost:8081}. */
    Map<String, Backend> backends();

    /** Ordered: the first route whose pattern matches the path after {@code /api} wins. */
    List<Route> routes();

    RateLimit rateLimit();

    /** Largest request body forwarded (413 above it). */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** Paths under /api that need no token (regular expressions on the path after /api). */
    @WithDefault("^/vocabulary$,^/openapi\\.json$,^/\\.well-known/jwks\\.json$")
    List<String> publicPaths();

    interface Backend {
        String url();
    }

    interface Route {
        /** Regular expression on the path after {@code /api}, e.g. {@code ^/partners(/.*)?$}. */
        String pattern();

        /** A key of {@link #backends()}. */
        String backend();
    }

    interface RateLimit {
        /** Token bucket per partner: sustained requests per second. */
        @WithDefault("50")
        int requestsPerSecond();

        /** Token bucket per partner: burst capacity. */
        @WithDefault("100")
        int burst();

        /** Per-partner overrides of the sustained rate: partner id -> requests per second. */
        Map<String, Integer> partners();

        /** Requests per second for callers that are not partners (users, officers), per subject. */
        @WithDefault("20")
        int userRequestsPerSecond();

        Optional<Integer> userBurst();
    }
}

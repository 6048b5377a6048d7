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

    /** Where the restrictions projection is bootstrapped from, and how (see the README). */
    Projection projection();

    /** The one-call verification of every service's audit chain ({@code GET /api/audit/verification}). */
    Audit audit();

    /** How the access lines are written (README "Performance"). */
    AccessLog accessLog();

    /** Largest request body forwarded (413 above it). */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** Paths under /api that need no token (regular expressions on the path after /api). */
    @WithDefault("^/vocabulary$,^/openapi\\.json$,^/\\.well-known/jwks\\.json$,^/deletion-attestations/jwks\\.json$")
    List<String> publicPaths();

    interface Backend {
        String url();

        /**
         * Where the backend serves its OpenAPI document, read for the combined document
         * ({@code /api/openapi.json}): the services serve it on their management interface, not on
         * the API port (issue 15.3). Without it, {@code <url>/q/openapi}.
         */
        Optional<java.net.URI> openapiUrl();
    }

    interface Route {
        /** Regular expression on the path after {@code /api}, e.g. {@code ^/partners(/.*)?$}. */
        String pattern();

        /** A key of {@link #backends()}. */
        String backend();
    }

    interface Audit {
        /**
         * How long the gateway waits for each service's verification (each walks its whole chain);
         * a service that has not answered by then is reported UNAVAILABLE.
         */
        @WithDefault("30S")
        java.time.Duration verificationTimeout();
    }

    interface Projection {
        /** partner-registry-service: {@code GET /partner-snapshots} (role platform-service). */
        java.net.URI registryUrl();

        /** breach-service: {@code GET /emergency-orders?active=true} (role platform-service). */
        java.net.URI breachUrl();

        /** Load both snapshots at start and keep re-loading them; off only where no such services exist. */
        @WithDefault("true")
        boolean bootstrap();

        /**
         * Partner requests get 503 until both snapshots were loaded at least once (into this
         * database): a fresh gateway never lets a suspended or closed partner through.
         */
        @WithDefault("true")
        boolean failClosed();

        /** Pause between failed attempts (and how often the scheduler looks). */
        @WithDefault("5S")
        java.time.Duration retryInterval();

        /** A loaded snapshot is re-loaded after this long: repairs whatever events were lost. */
        @WithDefault("10M")
        java.time.Duration resyncInterval();

        /** How long start-up waits for the first attempt before serving (a failure does not stop start-up). */
        @WithDefault("10S")
        java.time.Duration startupWait();

        @WithDefault("200")
        int pageSize();

        /**
         * Pause before re-establishing the lost LISTEN connection on which the replicas learn of
         * each other's changes ({@code ControlsListener}); a full reload follows each reconnect.
         */
        @WithDefault("1S")
        java.time.Duration listenReconnectDelay();
    }

    interface AccessLog {
        /**
         * Bytes of access lines collected before they are written to the standard output at once;
         * {@code 0}: each line written by the console handler as it comes.
         */
        @WithDefault("32768")
        int bufferBytes();

        /** Longest time an access line waits in the buffer. */
        @WithDefault("1S")
        java.time.Duration flushInterval();
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

        /**
         * How many gateway replicas share the traffic. Buckets live in each replica's memory, so
         * every rate and burst above (and every emergency restraint's) is divided by this number
         * per replica: N replicas together then allow the configured rate (README, "Rate limits
         * with several replicas"). The Kubernetes prod overlay sets the HPA minimum.
         */
        @WithDefault("1")
        @io.smallrye.config.WithConverter(com.privacyplatform.commons.config.AtLeastOne.class)
        int replicas();
    }
}

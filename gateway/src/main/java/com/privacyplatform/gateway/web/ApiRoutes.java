package com.privacyplatform.gateway.web;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.http.PathShape;
import com.privacyplatform.commons.identity.Roles;
import com.privacyplatform.commons.identity.token.CachedBearerMechanism;
import com.privacyplatform.commons.identity.token.VerifiedTokens;
import com.privacyplatform.commons.problem.CorrelationIds;
import com.privacyplatform.commons.problem.ProblemType;
import com.privacyplatform.commons.time.PlatformClock;
import com.privacyplatform.gateway.audit.AuditPaths;
import com.privacyplatform.gateway.config.GatewayConfig;
import com.privacyplatform.gateway.guard.PartnerControls;
import com.privacyplatform.gateway.guard.RateLimiter;
import com.privacyplatform.gateway.guard.RestrictionProjection;
import com.privacyplatform.gateway.proxy.BackendProxies;
import com.privacyplatform.gateway.routing.DeadLetterPaths;
import com.privacyplatform.gateway.routing.PartnerRoutes;
import com.privacyplatform.gateway.routing.PathSegments;
import com.privacyplatform.gateway.routing.RouteTable;
import io.micrometer.core.instrument.Counter;
import io.quarkus.arc.ClientProxy;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Everything under {@code /api}: the gateway routes, has quarkus-oidc validate the token, enforces
 * restrictions and rate limits, limits the body size, and hands the request to the backend's proxy -
 * or, for the gateway's own {@code /api/audit/verification}, to the next handler ({@code AuditChains}).
 *
 * <p>Two ways through, with the same checks and the same answers (issue 19):
 * <ul>
 * <li>the <b>fast path</b> ({@link #fastPath}, ahead of Quarkus' HTTP security layer): a request that
 * a backend serves, carrying a bearer token that {@link VerifiedTokens} holds as verified (the whole
 * token, still before its {@code exp} and the entry's max-age), is judged here at once - body limit,
 * audit and dead-letter roles, restrictions, rate limit - and proxied, without Quarkus' authentication
 * mechanisms, identity providers and augmentors;</li>
 * <li>everything else - no token, a token not (or no longer) cached, the gateway's own endpoints, an
 * unknown path - goes on to the <b>full path</b> ({@link #guard}): quarkus-oidc verifies the token in
 * full, and only an identity it produced is cached (platform-commons' {@code TokenCacheFiller}).</li>
 * </ul>
 */
@ApplicationScoped
public class ApiRoutes {

    private static final Logger LOG = Logger.getLogger(ApiRoutes.class);
    static final String BACKEND = "gateway.backend";
    static final String OWN_DEAD_LETTERS = "gateway.own-dead-letters";
    /** The name of the gateway itself in {@code /api/services/{service}/dead-letters}. */
    public static final String SELF = DeadLetterPaths.GATEWAY;
    /**
     * The fast path's place: after the correlation id (filter 1000), the access log (-950), the
     * security headers (-900) and the transport limits (filter 890), before Quarkus' HTTP security
     * layer (authentication filter 200, authorization 100) and the full path's guard (10).
     */
    static final int FAST_PATH_ORDER = -800;

    private final RouteTable routes;
    private final BackendProxies proxies;
    private final RestrictionProjection projection;
    private final RateLimiter limiter;
    private final GatewayConfig config;
    private final PlatformClock clock;
    private final VerifiedTokens tokens;
    private final Counter fastPathRequests;

    public ApiRoutes(RouteTable routes, BackendProxies proxies, RestrictionProjection projection, RateLimiter limiter,
            GatewayConfig config, PlatformClock clock, VerifiedTokens tokens, MeterRegistry meters) {
        // the beans themselves, not their client proxies: every call through a proxy looks the bean up
        // in its context, per request (issue 19's profile); these application-scoped beans live as long
        // as the application
        this.routes = ClientProxy.unwrap(routes);
        this.proxies = ClientProxy.unwrap(proxies);
        this.projection = ClientProxy.unwrap(projection);
        this.limiter = ClientProxy.unwrap(limiter);
        this.config = config;
        this.clock = ClientProxy.unwrap(clock);
        this.tokens = ClientProxy.unwrap(tokens);
        this.fastPathRequests = Counter.builder("gateway.api.fast-path")
                .description("API requests judged on the fast path: bearer token answered from the verified-token cache,"
                        + " without Quarkus' HTTP security layer (forwarded or refused)").register(meters);
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(-1000).failureHandler(this::failure);
        router.route("/api/*").order(FAST_PATH_ORDER).handler(this::fastPath);
        router.route("/api/*").order(10).handler(this::guard);
        router.route("/api/*").order(11).handler(rc -> {
            RouteTable.Backend backend = rc.get(BACKEND);
            if (Boolean.TRUE.equals(rc.get(OWN_DEAD_LETTERS))) {
                // the gateway's own consumer: its platform-commons DeadLetterResource at /dead-letters...
                rc.reroute(DeadLetterPaths.backendUri(rc.request().uri().substring(RouteTable.PREFIX.length())));
                return;
            }
            if (backend == null) {
                rc.next(); // answered by the gateway itself after the guard (AuditChains)
                return;
            }
            proxy(rc, backend);
        });
    }

    private void proxy(RoutingContext rc, RouteTable.Backend backend) {
        // the backend's proxy of the event loop that received the request (BackendProxies: no thread hand-over)
        proxies.handler(backend, BackendProxies.eventLoopOf(rc.request())).handle(rc);
    }

    /**
     * The fast path: a request for a backend with a bearer token the cache holds as verified gets the
     * full path's checks here, in the full path's order and with its answers, and is proxied; anything
     * else goes on unchanged ({@code rc.next()}) to Quarkus' HTTP security layer and {@link #guard}.
     * A token is answered from the cache only while {@code now < exp} and {@code now < verified +
     * max-age}, keyed by the whole token: a token that failed verification was never stored, and one
     * that differs in any character (a forged signature, a tampered payload) is not found.
     */
    @Enforces("3.4.b")
    void fastPath(RoutingContext rc) {
        if (!tokens.enabled()) {
            rc.next();
            return;
        }
        String token = CachedBearerMechanism.bearerToken(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
        String apiPath = token == null ? null : RouteTable.apiPath(rc.request().path());
        if (apiPath == null || "/openapi.json".equals(apiPath)) {
            rc.next(); // no bearer token, or the gateway's own document
            return;
        }
        PathSegments segments = PathSegments.of(apiPath);
        Optional<RouteTable.Backend> backend = routes.resolve(segments);
        if (backend.isEmpty() || DeadLetterPaths.serviceOf(apiPath).filter(SELF::equals).isPresent()) {
            rc.next(); // an unknown path (404) or one the gateway answers itself
            return;
        }
        // a miss is counted by the cached-bearer mechanism of the full path, which asks again
        SecurityIdentity identity = tokens.hit(token, System.currentTimeMillis());
        if (identity == null) {
            rc.next(); // not cached, or no longer: quarkus-oidc verifies it in full
            return;
        }
        fastPathRequests.increment();
        if (!bodyWithinLimit(rc)) {
            return;
        }
        CallerFacts facts = CallerFacts.ofCached(identity);
        rc.put(CallerFacts.KEY, facts); // the access log's role and partner id
        rc.setUser(new QuarkusHttpUser(identity));
        if (mayUse(rc, identity, apiPath) && allowed(rc, identity, facts, segments)) {
            rc.put(BACKEND, backend.get());
            proxy(rc, backend.get());
        }
    }

    private void guard(RoutingContext rc) {
        String apiPath = RouteTable.apiPath(rc.request().path());
        if (apiPath == null || "/openapi.json".equals(apiPath)) {
            rc.next(); // served by the gateway itself
            return;
        }
        PathSegments segments = PathSegments.of(apiPath);
        Optional<RouteTable.Backend> backend = routes.resolve(segments);
        boolean allChains = AuditPaths.ALL_CHAINS.equals(apiPath);
        boolean ownDeadLetters = DeadLetterPaths.serviceOf(apiPath).filter(SELF::equals).isPresent();
        if (ownDeadLetters) {
            rc.put(OWN_DEAD_LETTERS, Boolean.TRUE);
        }
        if (backend.isEmpty() && !allChains && !ownDeadLetters) {
            Problems.send(rc, ProblemType.NOT_FOUND, AuditPaths.isAudit(apiPath)
                    ? "no audit trail at this path: /api/audit/{service}/audit-records[/verification] with service one of "
                            + new java.util.TreeSet<>(routes.apiBackends().keySet()) + ", or /api/audit/verification"
                    : DeadLetterPaths.isDeadLetters(apiPath)
                    ? "no dead-letter tool at this path: /api/services/{service}/dead-letters[/...] with service "
                            + SELF + " or one of " + new java.util.TreeSet<>(routes.apiBackends().keySet())
                    : "no API at this path");
            return;
        }
        if (allChains && rc.request().method() != HttpMethod.GET) {
            rc.response().putHeader("Allow", "GET");
            Problems.send(rc, ProblemType.METHOD_NOT_ALLOWED, "the verification of all audit chains is read with GET");
            return;
        }
        if (!bodyWithinLimit(rc)) {
            return;
        }
        backend.ifPresent(b -> rc.put(BACKEND, b));
        boolean open = routes.isPublic(segments);
        rc.request().pause(); // keep the body for the proxy while the token is checked
        QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(identity -> {
            rc.request().resume();
            if (identity == null || identity.isAnonymous()) {
                if (open) {
                    rc.next();
                } else {
                    Problems.send(rc, ProblemType.UNAUTHENTICATED,
                            "a valid bearer token issued by the platform is required");
                }
            } else {
                CallerFacts facts = CallerFacts.of(identity);
                rc.put(CallerFacts.KEY, facts);
                if (mayUse(rc, identity, apiPath) && allowed(rc, identity, facts, segments)) {
                    rc.next();
                }
            }
        }, failure -> {
            rc.request().resume();
            // 3.4.a/c: a token that fails signature, issuer, audience, expiry or type checks is never forwarded
            Problems.send(rc, ProblemType.UNAUTHENTICATED, "the bearer token is not valid for this platform");
        });
    }

    /**
     * 4.1, 1.8: the audit trails are for compliance officers and auditors, the same rule as in every
     * service (platform-commons' AuditResource), checked here before anything is forwarded.
     */
    @Enforces({"4.1", "1.8"})
    private static boolean mayUse(RoutingContext rc, SecurityIdentity identity, String apiPath) {
        if (AuditPaths.isAudit(apiPath) && !identity.hasRole(Roles.OFFICER) && !identity.hasRole(Roles.AUDITOR)) {
            Problems.send(rc, ProblemType.FORBIDDEN, "only compliance officers and auditors may read the audit trails");
            return false;
        }
        // the services' dead-letter tools (platform-commons' DeadLetterResource): officers only, as in the services
        if (DeadLetterPaths.isDeadLetters(apiPath) && !identity.hasRole(Roles.OFFICER)) {
            Problems.send(rc, ProblemType.FORBIDDEN, "only compliance officers may use the dead-letter tools");
            return false;
        }
        return true;
    }

    /**
     * 3.4.j: restrictions from the local projection, judged by what the route is for (a restricted
     * partner keeps its duty routes, {@link PartnerRoutes}), then the caller's rate limit.
     */
    @Enforces({"3.4.j", "3.5.d", "5.1"})
    private boolean allowed(RoutingContext rc, SecurityIdentity identity, CallerFacts facts, PathSegments apiPath) {
        if (identity.hasRole("partner")) {
            Optional<UUID> partnerId = facts.partnerId();
            if (partnerId.isEmpty()) {
                Problems.send(rc, ProblemType.FORBIDDEN, "the partner token carries no valid partner_id claim");
                return false;
            }
            PartnerControls.Verdict verdict = projection.controls().verdict(partnerId.get(), clock.instant(),
                    PartnerRoutes.use(rc.request().method().name(), apiPath));
            if (verdict instanceof PartnerControls.Block block) {
                Problems.send(rc, block.status(), block.slug(), block.title(), block.detail(), block.clause());
                return false;
            }
            Optional<Long> wait = limiter.partner(partnerId.get().toString(),
                    ((PartnerControls.Allow) verdict).throttles());
            return withinLimit(rc, wait);
        }
        return withinLimit(rc, limiter.user(identity.getPrincipal().getName()));
    }

    private static boolean withinLimit(RoutingContext rc, Optional<Long> wait) {
        if (wait.isPresent()) {
            rc.response().putHeader("Retry-After", Long.toString(wait.get()));
            Problems.send(rc, ProblemType.RATE_LIMITED, "request rate limit exceeded; retry after " + wait.get()
                    + " s");
            return false;
        }
        return true;
    }

    private boolean bodyWithinLimit(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > config.maxBodyBytes()) {
                    Problems.send(rc, ProblemType.PAYLOAD_TOO_LARGE, "the request body exceeds "
                            + config.maxBodyBytes() + " bytes");
                    return false;
                }
            } catch (NumberFormatException e) {
                Problems.send(rc, ProblemType.MALFORMED_REQUEST, "Content-Length is not a number");
                return false;
            }
        } else if ("chunked".equalsIgnoreCase(rc.request().getHeader("Transfer-Encoding"))) {
            Problems.send(rc, 411, "length-required", "Length required",
                    "send request bodies with a Content-Length (chunked bodies are not accepted)", null);
            return false;
        }
        return true;
    }

    private void failure(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || rc.statusCode() == 401) {
            Problems.send(rc, ProblemType.UNAUTHENTICATED, "a valid bearer token issued by the platform is required");
        } else if (failure instanceof ForbiddenException || rc.statusCode() == 403) {
            Problems.send(rc, ProblemType.FORBIDDEN, "the caller may not use this path");
        } else if (rc.statusCode() == 413) {
            Problems.send(rc, ProblemType.PAYLOAD_TOO_LARGE, "the request body is too large");
        } else if (rc.statusCode() == 502 || rc.statusCode() == 503 || rc.statusCode() == 504) {
            Problems.send(rc, ProblemType.SERVICE_UNAVAILABLE, "the service behind this path is not reachable");
        } else {
            // never the raw path (it can name a subject) nor the failure's message (it can quote it):
            // the path's shape, the failure's type and where it was thrown, and the correlation id
            LOG.errorf("gateway failure on %s %s: %s at %s (correlation id %s)", rc.request().method().name(),
                    PathShape.of(rc.request().path()), failure == null ? "status " + rc.statusCode()
                            : failure.getClass().getName(), failure == null || failure.getStackTrace().length == 0
                            ? "-" : failure.getStackTrace()[0], rc.request().getHeader(CorrelationIds.HEADER));
            Problems.send(rc, ProblemType.INTERNAL, "an unexpected error occurred; quote the correlation id");
        }
    }
}

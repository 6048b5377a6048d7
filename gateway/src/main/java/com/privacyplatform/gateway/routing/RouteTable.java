package com.privacyplatform.gateway.routing;

import com.privacyplatform.gateway.audit.AuditPaths;
import com.privacyplatform.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which backend serves a path under {@code /api}: a service's audit trail and dead-letter tool by
 * the service's name ({@link AuditPaths}, {@link DeadLetterPaths}), everything else by the configured routes, the first matching route winning.
 * The configured expressions (routes, public paths) are precompiled into segment matching
 * ({@link PathPattern}): no regular expression runs per request.
 */
@ApplicationScoped
public class RouteTable {

    public static final String PREFIX = "/api";

    public record Backend(String name, String host, int port, boolean ssl) {
    }

    private record CompiledRoute(PathPattern pattern, Backend backend) {
    }

    private final CompiledRoute[] routes;
    private final Map<String, Backend> backends;
    private final PathPattern[] publicPaths;
    private final Map<String, Backend> apiBackends;

    public RouteTable(GatewayConfig config) {
        this.backends = config.backends().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> backend(e.getKey(), e.getValue().url())));
        this.routes = config.routes().stream().map(r -> {
            Backend backend = backends.get(r.backend());
            if (backend == null) {
                throw new IllegalArgumentException("route " + r.pattern() + " names unknown backend " + r.backend());
            }
            return new CompiledRoute(PathPattern.compile(r.pattern()), backend);
        }).toArray(CompiledRoute[]::new);
        this.publicPaths = config.publicPaths().stream().map(PathPattern::compile).toArray(PathPattern[]::new);
        this.apiBackends = java.util.Arrays.stream(routes).map(CompiledRoute::backend).distinct()
                .collect(Collectors.toUnmodifiableMap(Backend::name, b -> b));
    }

    /** @param apiPath the path without the {@code /api} prefix, e.g. {@code /partners/123} */
    public Optional<Backend> resolve(String apiPath) {
        return resolve(PathSegments.of(apiPath));
    }

    /** @param apiPath the path without the {@code /api} prefix, cut into its segments */
    public Optional<Backend> resolve(PathSegments apiPath) {
        Optional<String> audited = AuditPaths.serviceOf(apiPath.path());
        if (audited.isEmpty()) {
            audited = DeadLetterPaths.serviceOf(apiPath.path());
        }
        if (audited.isPresent()) {
            return Optional.ofNullable(apiBackends.get(audited.get()));
        }
        for (CompiledRoute route : routes) {
            if (route.pattern().matches(apiPath)) {
                return Optional.of(route.backend());
            }
        }
        return Optional.empty();
    }

    public boolean isPublic(String apiPath) {
        return isPublic(PathSegments.of(apiPath));
    }

    public boolean isPublic(PathSegments apiPath) {
        for (PathPattern publicPath : publicPaths) {
            if (publicPath.matches(apiPath)) {
                return true;
            }
        }
        return false;
    }

    public Map<String, Backend> backends() {
        return backends;
    }

    /** The backends that serve {@code /api} routes (web applications such as the privacy center excluded). */
    public Map<String, Backend> apiBackends() {
        return apiBackends;
    }

    /** The path below {@code /api}, or null when the path is not under it. */
    public static String apiPath(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return null;
        }
        String rest = path.substring(PREFIX.length());
        if (rest.isEmpty()) {
            return "/";
        }
        return rest.startsWith("/") ? rest : null;
    }

    private static Backend backend(String name, String url) {
        URI uri = URI.create(url);
        boolean ssl = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        return new Backend(name, uri.getHost(), port, ssl);
    }
}

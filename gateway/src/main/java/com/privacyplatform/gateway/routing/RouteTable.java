package com.privacyplatform.gateway.routing;

import com.privacyplatform.gateway.audit.AuditPaths;
import com.privacyplatform.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which backend serves a path under {@code /api}: a service's audit trail and dead-letter tool by
 * the service's name ({@link AuditPaths}, {@link DeadLetterPaths}), everything else by the configured routes, the first matching route winning.
 */
@ApplicationScoped
public class RouteTable {

    public static final String PREFIX = "/api";

    public record Backend(String name, String host, int port, boolean ssl) {
    }

    private record CompiledRoute(Pattern pattern, Backend backend) {
    }

    private final List<CompiledRoute> routes;
    private final Map<String, Backend> backends;
    private final List<Pattern> publicPaths;
    private final Map<String, Backend> apiBackends;

    public RouteTable(GatewayConfig config) {
        this.backends = config.backends().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> backend(e.getKey(), e.getValue().url())));
        this.routes = config.routes().stream().map(r -> {
            Backend backend = backends.get(r.backend());
            if (backend == null) {
                throw new IllegalArgumentException("route " + r.pattern() + " names unknown backend " + r.backend());
            }
            return new CompiledRoute(Pattern.compile(r.pattern()), backend);
        }).toList();
        this.publicPaths = config.publicPaths().stream().map(Pattern::compile).toList();
        this.apiBackends = routes.stream().map(CompiledRoute::backend).distinct()
                .collect(Collectors.toUnmodifiableMap(Backend::name, b -> b));
    }

    /** @param apiPath the path without the {@code /api} prefix, e.g. {@code /partners/123} */
    public Optional<Backend> resolve(String apiPath) {
        Optional<String> audited = AuditPaths.serviceOf(apiPath).or(() -> DeadLetterPaths.serviceOf(apiPath));
        if (audited.isPresent()) {
            return Optional.ofNullable(apiBackends.get(audited.get()));
        }
        return routes.stream().filter(r -> r.pattern().matcher(apiPath).matches()).map(CompiledRoute::backend)
                .findFirst();
    }

    public boolean isPublic(String apiPath) {
        return publicPaths.stream().anyMatch(p -> p.matcher(apiPath).matches());
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

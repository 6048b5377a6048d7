package com.privacyplatform.gateway.routing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the services' dead-letter tools are at the gateway. Every service serves the same paths
 * (platform-commons' {@code DeadLetterResource}: {@code /dead-letters[/{queue}/messages[/{id}[/replay|/discard]]]},
 * officers only, for the dead-letter queues of its own consumers), so below {@code /api} the gateway
 * names the service first: {@code /services/{service}/dead-letters...}, {@code {service}} being the
 * backend's name ({@code registry}, {@code consent}, {@code dsr}, {@code breach}); {@code /services/{service}}
 * is stripped when forwarding. Pure (JDK only), like {@code AuditPaths}.
 */
public final class DeadLetterPaths {

    /** The services' own path (platform-commons' DeadLetterResource). */
    public static final String DEAD_LETTERS = "/dead-letters";
    /** The gateway itself as {@code {service}}: its own consumer's dead letters, answered by the gateway. */
    public static final String GATEWAY = "gateway";
    /** The path parameter naming the service. */
    public static final String SERVICE_PARAMETER = "service";

    private static final String PREFIX = "/services";
    private static final Pattern SERVICE_PATH = Pattern.compile("^/services/([^/]+)(/dead-letters(?:/.*)?)$");
    private static final Pattern SERVICE_URI = Pattern.compile("^/services/[^/?#]+(/dead-letters(?:[/?].*)?)$");

    private DeadLetterPaths() {
    }

    /** Whether a path below {@code /api} is one of the dead-letter paths (officers only). */
    public static boolean isDeadLetters(String apiPath) {
        return apiPath.equals(PREFIX) || apiPath.startsWith(PREFIX + "/");
    }

    /** The service named by {@code /services/{service}/dead-letters...}, if the path is one. */
    public static Optional<String> serviceOf(String apiPath) {
        if (!apiPath.startsWith(PREFIX + "/")) {
            return Optional.empty(); // what the expression below requires first, without running it per request
        }
        Matcher m = SERVICE_PATH.matcher(apiPath);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code /services/consent/dead-letters/q/messages?limit=5} becomes {@code /dead-letters/q/messages?limit=5}. */
    public static String backendUri(String apiUri) {
        if (!apiUri.startsWith(PREFIX + "/")) {
            return apiUri;
        }
        Matcher m = SERVICE_URI.matcher(apiUri);
        return m.matches() ? m.group(1) : apiUri;
    }

    /** Whether a service's own path is one of the shared dead-letter paths. */
    public static boolean isServicePath(String servicePath) {
        return servicePath.equals(DEAD_LETTERS) || servicePath.startsWith(DEAD_LETTERS + "/");
    }

    /** The path below {@code /api} of a service's dead-letter path. */
    public static String gatewayPath(String service, String servicePath) {
        return PREFIX + "/" + service + servicePath;
    }
}

package com.privacyplatform.gateway.audit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the services' audit trails are at the gateway (4.1, 1.8). Every service serves the same
 * two paths (platform-commons' {@code AuditResource}: {@code /audit-records} and
 * {@code /audit-records/verification}), so below {@code /api} the gateway names the service first:
 * {@code /audit/{service}/audit-records[/verification]}, {@code {service}} being the backend's name
 * ({@code registry}, {@code consent}, {@code dsr}, {@code breach}); {@code /audit/{service}} is
 * stripped when forwarding. {@code /audit/verification} is the gateway's own one-call verification
 * of every service's chain ({@link AuditChains}).
 *
 * <p>Pure (JDK only): the routing, the proxy and the OpenAPI merge use it, the latter also at the
 * partner SDK's build time.
 */
public final class AuditPaths {

    /** Below {@code /api}: every service's chain verified in one call, served by the gateway. */
    public static final String ALL_CHAINS = "/audit/verification";
    /** The services' own paths (platform-commons' AuditResource). */
    public static final String RECORDS = "/audit-records";
    public static final String VERIFICATION = RECORDS + "/verification";
    /** The path parameter naming the service in the combined OpenAPI document. */
    public static final String SERVICE_PARAMETER = "service";

    private static final String PREFIX = "/audit";
    private static final Pattern SERVICE_PATH = Pattern.compile("^/audit/([^/]+)(/audit-records(?:/verification)?)$");
    private static final Pattern SERVICE_URI =
            Pattern.compile("^/audit/[^/?#]+(/audit-records(?:/verification)?(?:\\?.*)?)$");

    private AuditPaths() {
    }

    /** Whether a path below {@code /api} is one of the audit paths (officers and auditors only). */
    public static boolean isAudit(String apiPath) {
        return apiPath.equals(PREFIX) || apiPath.startsWith(PREFIX + "/");
    }

    /** The service named by {@code /audit/{service}/audit-records[/verification]}, if the path is one. */
    public static Optional<String> serviceOf(String apiPath) {
        if (!apiPath.startsWith(PREFIX + "/")) {
            return Optional.empty(); // what the expression below requires first, without running it per request
        }
        Matcher m = SERVICE_PATH.matcher(apiPath);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The URI the service gets for a URI below {@code /api}: {@code /audit/consent/audit-records?limit=5}
     * becomes {@code /audit-records?limit=5}; every other URI is left as it is.
     */
    public static String backendUri(String apiUri) {
        if (!apiUri.startsWith(PREFIX + "/")) {
            return apiUri;
        }
        Matcher m = SERVICE_URI.matcher(apiUri);
        return m.matches() ? m.group(1) : apiUri;
    }

    /** The path below {@code /api} of a service's audit path, e.g. {@code /audit/{service}/audit-records}. */
    public static String gatewayPath(String service, String servicePath) {
        return PREFIX + "/" + service + servicePath;
    }

    /** Whether a service's own path is one of the shared audit paths. */
    public static boolean isServiceAuditPath(String servicePath) {
        return servicePath.equals(RECORDS) || servicePath.equals(VERIFICATION);
    }
}

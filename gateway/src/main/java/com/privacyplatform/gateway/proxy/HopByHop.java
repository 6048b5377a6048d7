package com.privacyplatform.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Locale;

/**
 * Hop-by-hop headers (RFC 9110 7.6.1): the connection's own, never forwarded either way - the fixed
 * ones and every header a {@code Connection} header names.
 */
final class HopByHop {

    static final List<String> NAMES = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection");

    private HopByHop() {
    }

    /** Whether {@code name} is one of {@link #NAMES}, in any case, without allocating. */
    static boolean fixed(String name) {
        switch (name.length()) {
            case 2:
                return name.equalsIgnoreCase("te");
            case 7:
                return name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
            case 10:
                return name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
            case 16:
                return name.equalsIgnoreCase("proxy-connection");
            case 17:
                return name.equalsIgnoreCase("transfer-encoding");
            case 18:
                return name.equalsIgnoreCase("proxy-authenticate");
            case 19:
                return name.equalsIgnoreCase("proxy-authorization");
            default:
                return false;
        }
    }

    /** The headers a {@code Connection} header value names (lower case), or {@code null} when none. */
    static List<String> named(String connection) {
        if (connection == null) {
            return null;
        }
        List<String> named = new java.util.ArrayList<>(2);
        for (String token : connection.split(",")) {
            String name = token.trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                named.add(name);
            }
        }
        return named;
    }

    /** Whether {@code name} is hop-by-hop: one of {@link #NAMES}, or named by the {@code Connection} header. */
    static boolean hopByHop(String name, List<String> connectionNamed) {
        if (fixed(name)) {
            return true;
        }
        if (connectionNamed != null) {
            for (String named : connectionNamed) {
                if (named.equalsIgnoreCase(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Removes every hop-by-hop header from {@code headers} (for vertx-http-proxy's header maps). */
    static void strip(MultiMap headers) {
        List<String> named = named(headers.get("Connection"));
        if (named != null) {
            named.forEach(headers::remove);
        }
        NAMES.forEach(headers::remove);
    }
}

package com.privacyplatform.consent.support;

import com.privacyplatform.testing.Tokens;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens of the demo realm, fetched once per test run (they live 300 s; the suite is shorter). */
public final class RealTokens {

    private record Cached(String token, long fetchedAt) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private RealTokens() {
    }

    public static String partnerA() {
        return client("partner-demo-a");
    }

    public static String partnerB() {
        return client("partner-demo-b");
    }

    public static String platformServices() {
        return client("platform-services");
    }

    public static String user(String name) {
        return get("user:" + name, () -> Tokens.user(name));
    }

    private static String client(String clientId) {
        return get("client:" + clientId, () -> Tokens.partner(clientId));
    }

    private static String get(String key, java.util.function.Supplier<String> fetch) {
        Cached cached = CACHE.get(key);
        if (cached == null || System.currentTimeMillis() - cached.fetchedAt() > 200_000) {
            cached = new Cached(fetch.get(), System.currentTimeMillis());
            CACHE.put(key, cached);
        }
        return cached.token();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}

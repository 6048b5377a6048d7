package com.privacyplatform.commons.identity.token;

import com.privacyplatform.api.clause.Enforces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tokens quarkus-oidc has verified (signature against the realm's keys, issuer, audience,
 * expiry, type), so that the next request with the same token skips the signature check and the
 * parsing of the token: the same idea as Envoy's {@code jwt_authn} cache.
 *
 * <p>Keyed by the whole token (the compact JWS string itself, compared in full: no digest, no
 * collision); an entry is only ever added after a successful verification ({@link TokenCacheFiller})
 * and is answered only while both the token's own {@code exp} and the entry's {@code max-age}
 * (platform.token-cache.max-age) lie in the future: an expired token always goes back to quarkus-oidc,
 * which refuses it, and a key the realm removed stops carrying a token after {@code max-age} at the
 * latest. A token that fails verification is never stored. Sound because each service (and the
 * gateway) has one OIDC tenant: a token verified here was verified for every path of the service; a
 * second tenant would have to be part of the key. Bounded by {@code max-entries}: when full,
 * expired entries are dropped and a new token that still does not fit is simply not cached.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** A verified identity and until when (epoch milliseconds) it may be answered from here. */
    record Entry(SecurityIdentity identity, long validUntilMillis) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final TokenCacheConfig config;
    private final long maxAgeMillis;
    private final Counter hits;
    private final Counter misses;

    public VerifiedTokens(TokenCacheConfig config, MeterRegistry meters) {
        this.config = config;
        this.maxAgeMillis = this.config.maxAge().toMillis();
        this.hits = Counter.builder("platform.token.cache").tag("result", "hit")
                .description("Bearer tokens answered from the verified-token cache").register(meters);
        this.misses = Counter.builder("platform.token.cache").tag("result", "miss")
                .description("Bearer tokens verified by quarkus-oidc (not, or no longer, in the cache)").register(meters);
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The verified identity of this exact token, if it is cached and neither it nor the entry has expired at {@code nowMillis}. */
    @Enforces("3.4.b")
    public Optional<SecurityIdentity> lookup(String token, long nowMillis) {
        SecurityIdentity identity = find(token, nowMillis);
        if (identity == null) {
            misses.increment();
            return Optional.empty();
        }
        return Optional.of(identity);
    }

    /**
     * As {@link #lookup}, but a miss is not counted: for a caller (the gateway's fast path) that hands
     * a miss on to {@link CachedBearerMechanism}, whose lookup counts it, so that one request is one
     * hit or one miss. Null when the token is not cached or its entry has expired.
     */
    @Enforces("3.4.b")
    public SecurityIdentity hit(String token, long nowMillis) {
        return find(token, nowMillis);
    }

    private SecurityIdentity find(String token, long nowMillis) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.validUntilMillis()) {
            entries.remove(token, entry);
            return null;
        }
        hits.increment();
        return entry.identity();
    }

    /**
     * Remembers a token quarkus-oidc has just verified; only while its {@code exp} lies ahead (a
     * token without {@code exp} is not cached).
     */
    void verified(String token, SecurityIdentity identity, long nowMillis) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long validUntil = Math.min(jwt.getExpirationTime() * 1000L, nowMillis + maxAgeMillis);
        if (validUntil <= nowMillis) {
            return;
        }
        if (entries.size() >= config.maxEntries()) {
            entries.values().removeIf(e -> e.validUntilMillis() <= nowMillis);
            if (entries.size() >= config.maxEntries()) {
                return;
            }
        }
        entries.put(token, new Entry(identity, validUntil));
    }

    /** How many tokens are cached (expired ones included until they are looked up or swept). */
    public int size() {
        return entries.size();
    }

    /** Whether this exact token is cached (for tests and diagnostics; no metrics). */
    public boolean contains(String token) {
        return entries.containsKey(token);
    }
}

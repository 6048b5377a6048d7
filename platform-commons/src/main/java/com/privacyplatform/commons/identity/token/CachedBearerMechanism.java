package com.privacyplatform.commons.identity.token;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Answers a bearer token quarkus-oidc has verified before straight from {@link VerifiedTokens}, ahead
 * of quarkus-oidc's own mechanism (issue 19: that mechanism decodes the token's JSON to tell a JWT
 * from an opaque token before any identity provider is asked - the largest single cost of a
 * proxied request). A token that is not cached, or no longer, gets no identity here, and Quarkus goes
 * on to quarkus-oidc, which verifies it in full; {@link TokenCacheFiller} caches it only if it passed.
 * No challenge of its own: a 401 is quarkus-oidc's. It assumes bearer tokens are not bound to a
 * client certificate or a DPoP proof (no {@code quarkus.oidc.token.binding} here): a bound token's
 * proof must be checked on every request, which a cache hit would skip - switch the cache off
 * ({@code platform.token-cache.enabled=false}) before binding tokens.
 */
@ApplicationScoped
public class CachedBearerMechanism implements HttpAuthenticationMechanism {

    private static final Uni<SecurityIdentity> NOT_CACHED = Uni.createFrom().nullItem();
    private static final String BEARER = "Bearer";

    private final VerifiedTokens tokens;

    public CachedBearerMechanism(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!tokens.enabled()) {
            return NOT_CACHED;
        }
        String token = bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return NOT_CACHED;
        }
        var cached = tokens.lookup(token, System.currentTimeMillis());
        if (cached.isEmpty()) {
            return NOT_CACHED;
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new CachedTokenRequest(cached.get()), context));
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header, else null: split as quarkus-oidc
     * splits it (the scheme up to the first space, case-insensitive; the token is the rest, as it is),
     * so that a header matches a cached token only where quarkus-oidc would have read that token.
     * Public for the gateway's fast path, which reads the header the same way.
     */
    public static String bearerToken(String authorization) {
        if (authorization == null || authorization.indexOf(' ') != BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length() + 1);
        return token.isEmpty() ? null : token;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(CachedTokenRequest.class);
    }

    @Override
    public int getPriority() {
        return 3000; // before quarkus-oidc's mechanism (quarkus.oidc's priority, 1001 by default)
    }
}

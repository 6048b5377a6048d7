package com.privacyplatform.commons.identity.token;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token from {@link VerifiedTokens} before quarkus-oidc's own provider (higher
 * priority); a token that is not cached (or no longer) gets {@code null}, and Quarkus hands it to
 * quarkus-oidc, which verifies it in full ({@link TokenCacheFiller} then caches it if it passed).
 * The cached identity is answered as a copy that carries this request's routing context.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Attribute of an identity answered from the cache (the filler does not store it again). */
    static final String FROM_CACHE = "platform.token-cache.hit";
    private static final Uni<SecurityIdentity> NOT_CACHED = Uni.createFrom().nullItem();

    private final VerifiedTokens tokens;

    public CachedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 2000; // before quarkus-oidc's OidcIdentityProvider (default 1001)
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!tokens.enabled() || !(request.getToken() instanceof AccessTokenCredential credential)) {
            return NOT_CACHED;
        }
        var cached = tokens.lookup(credential.getToken(), System.currentTimeMillis());
        if (cached.isEmpty()) {
            return NOT_CACHED;
        }
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(cached.get()).addAttribute(FROM_CACHE, true);
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc != null) {
            copy.addAttribute(RoutingContext.class.getName(), rc);
        }
        return Uni.createFrom().item(copy.build());
    }
}

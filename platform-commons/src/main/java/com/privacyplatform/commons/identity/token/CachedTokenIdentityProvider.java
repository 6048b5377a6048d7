package com.privacyplatform.commons.identity.token;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a {@link CachedTokenRequest} of {@link CachedBearerMechanism}: a copy of the identity
 * quarkus-oidc produced when it verified the token, marked as coming from the cache (the filler does
 * not store it again) and carrying this request's routing context.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<CachedTokenRequest> {

    /** Attribute of an identity answered from the cache (the filler does not store it again). */
    static final String FROM_CACHE = "platform.token-cache.hit";

    @Override
    public Class<CachedTokenRequest> getRequestType() {
        return CachedTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CachedTokenRequest request, AuthenticationRequestContext context) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(request.verified())
                .addAttribute(FROM_CACHE, true);
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc != null) {
            copy.addAttribute(RoutingContext.class.getName(), rc);
        }
        return Uni.createFrom().item(copy.build());
    }
}

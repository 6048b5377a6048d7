package com.privacyplatform.commons.identity.token;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stores in {@link VerifiedTokens} the identity quarkus-oidc produced for a bearer token: an
 * augmentor only runs on an identity a provider returned, i.e. after the token passed every check
 * (a failed verification never reaches it). Runs first among augmentors, so that a cached identity
 * goes through the same augmentors as a freshly verified one.
 */
@ApplicationScoped
public class TokenCacheFiller implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    public TokenCacheFiller(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (tokens.enabled() && !identity.isAnonymous() && identity.getAttribute(CachedTokenIdentityProvider.FROM_CACHE) == null) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            if (credential != null && credential.getToken() != null) {
                tokens.verified(credential.getToken(), identity, System.currentTimeMillis());
            }
        }
        return Uni.createFrom().item(identity);
    }
}

package com.privacyplatform.commons.identity.token;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A bearer token found in {@link VerifiedTokens}: the identity quarkus-oidc produced when it verified
 * the token. Only {@link CachedTokenIdentityProvider} answers it, so the identity still passes through
 * every augmentor, as a freshly verified one does.
 */
public final class CachedTokenRequest extends BaseAuthenticationRequest {

    private final SecurityIdentity verified;

    CachedTokenRequest(SecurityIdentity verified) {
        this.verified = verified;
    }

    SecurityIdentity verified() {
        return verified;
    }
}

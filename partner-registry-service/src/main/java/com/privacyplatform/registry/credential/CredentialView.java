package com.privacyplatform.registry.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The credential a partner's client has just been given. {@code clientSecret} appears only in the
 * answer that issued it: the platform keeps no copy (a replayed onboarding shows it without).
 */
@Schema(name = "Credential")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialView(
        @Schema(description = "The OIDC client id to authenticate as") String clientId,
        CredentialMethod method,
        @Schema(description = "CLIENT_SECRET only, and only in the answer that issued it") String clientSecret,
        @Schema(description = "PRIVATE_KEY_JWT with a registered JWK Set URL") String jwksUrl,
        @Schema(description = "Lifetime of its access tokens; a rotated credential does not recall tokens already issued")
        long tokenLifetimeSeconds,
        Instant issuedAt) {

    public CredentialView withoutSecret() {
        return new CredentialView(clientId, method, null, jwksUrl, tokenLifetimeSeconds, issuedAt);
    }
}

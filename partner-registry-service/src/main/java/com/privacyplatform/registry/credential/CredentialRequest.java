package com.privacyplatform.registry.credential;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The credential a partner's client gets: its own public keys ({@code PRIVATE_KEY_JWT}, with exactly
 * one of {@code jwks} or {@code jwksUrl}) or a generated secret ({@code CLIENT_SECRET}, neither).
 */
@Schema(name = "CredentialRequest", description = "How the partner's client authenticates. PRIVATE_KEY_JWT (preferred):"
        + " the partner's public keys as a JWK Set (`jwks`, public RSA >= 2048 bits or EC P-256/384/521 keys) or the"
        + " https URL of its JWK Set (`jwksUrl`). CLIENT_SECRET: a generated secret, returned once and never stored"
        + " by the platform.")
public record CredentialRequest(
        @NotNull CredentialMethod method,
        @Schema(description = "The partner's public keys (JWK Set `{\"keys\":[...]}`), for PRIVATE_KEY_JWT")
        Map<String, Object> jwks,
        @Size(max = 2000) @Schema(examples = "https://shop.example/.well-known/jwks.json",
                description = "https URL of the partner's JWK Set, for PRIVATE_KEY_JWT") String jwksUrl) {
}

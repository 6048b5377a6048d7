package com.privacyplatform.dsr.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The key that signs deletion attestations (3.5.c), managed like consent-service's receipt keys; a
 * mapping of its own, so that the rest of the service's configuration stands without it.
 */
@ConfigMapping(prefix = "dsr.attestations")
public interface AttestationConfig {

    /** The {@code iss} of every attestation: this environment's public API. */
    String issuer();

    /** A JWK set (JSON) with the signing private key(s) and any retired public keys still published. */
    Optional<String> jwks();

    /** The same as a file; used when {@code jwks} is not set. */
    Optional<Path> jwksFile();

    /** The {@code kid} of the key that signs new attestations; defaults to the only private key. */
    Optional<String> activeKeyId();

    /** Generate a throwaway EC P-256 key when none is configured: only for %dev and %test. */
    @WithDefault("false")
    boolean generateDevKey();
}

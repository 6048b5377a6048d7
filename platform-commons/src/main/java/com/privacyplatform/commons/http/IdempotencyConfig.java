package com.privacyplatform.commons.http;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * The key that keeps personal values out of the {@code Idempotency-Key} store (docs/data-stores.md):
 * stored first answers are sealed with it (AES-GCM) and request fingerprints are keyed with it
 * (HMAC-SHA256). Each a base64 string of 32 random bytes, from the service's secret
 * ({@code PLATFORM_IDEMPOTENCY_KEY}); production lists it among the required secrets.
 */
@ConfigMapping(prefix = "platform.idempotency")
public interface IdempotencyConfig {

    /** The current key: new answers are sealed and new requests fingerprinted with it. */
    Optional<String> key();

    /**
     * Earlier keys, still opening the answers stored under them after a rotation; keep a retired
     * key here for a day (the store's lifetime), then drop it.
     */
    Optional<List<String>> previousKeys();
}

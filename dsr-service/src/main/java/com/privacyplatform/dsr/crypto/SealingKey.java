package com.privacyplatform.dsr.crypto;

import io.quarkus.runtime.LaunchMode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Resolves the AES key that seals personal values at rest ({@code dsr.export.key}): base64 of 16,
 * 24 or 32 bytes. In production a missing or malformed key stops the service with a message that
 * says what to set; only %dev and %test fall back to a throw-away key generated at boot.
 */
public final class SealingKey {

    private static final Logger LOG = Logger.getLogger(SealingKey.class);

    private SealingKey() {
    }

    public static SecretKey resolve(Optional<String> configured, LaunchMode mode) {
        String value = configured.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        if (value == null) {
            if (mode == LaunchMode.DEVELOPMENT || mode == LaunchMode.TEST) {
                LOG.warn("dsr.export.key is not set: using a throw-away key generated at boot (dev/test only);"
                        + " exports sealed now cannot be opened after a restart");
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                return new SecretKeySpec(key, "AES");
            }
            throw new IllegalStateException("dsr.export.key is required: set DSR_EXPORT_KEY to the base64 of a"
                    + " 256-bit AES key (e.g. `openssl rand -base64 32`, kept in a secret); access exports and"
                    + " correction values are sealed with it");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dsr.export.key is not valid base64");
        }
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalStateException("dsr.export.key must decode to 16, 24 or 32 bytes (AES-128/192/256), not "
                    + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}

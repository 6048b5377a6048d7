package com.privacyplatform.dsr.crypto;

import io.quarkus.runtime.LaunchMode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The current key under {@code keyId} plus the earlier ones of {@code dsr.export.previous-keys}
     * ({@code id:base64} entries), each checked like the current key; an id given twice stops the service.
     */
    public static Map<String, SecretKey> keyring(Optional<String> current, String keyId, List<String> previous,
            LaunchMode mode) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(keyId, resolve(current, mode));
        for (String entry : previous) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("dsr.export.previous-keys: an entry is not <key id>:<base64 key>");
            }
            String id = trimmed.substring(0, colon);
            if (keys.put(id, decode(trimmed.substring(colon + 1), "dsr.export.previous-keys " + id)) != null) {
                throw new IllegalStateException("dsr.export.previous-keys: key id " + id + " is given twice");
            }
        }
        return keys;
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
        return decode(value, "dsr.export.key");
    }

    private static SecretKey decode(String value, String name) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64");
        }
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalStateException(name + " must decode to 16, 24 or 32 bytes (AES-128/192/256), not "
                    + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}

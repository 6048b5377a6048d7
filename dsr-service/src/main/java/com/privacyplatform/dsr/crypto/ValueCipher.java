package com.privacyplatform.dsr.crypto;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.commons.crypto.Sealing;
import com.privacyplatform.dsr.config.DsrConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal values at rest (access exports, correction values) with AES-GCM: a fresh random
 * nonce per value, a 128-bit tag, and the owning row's id as associated data, so a ciphertext moved
 * to another row does not open. Keys rotate: new values are sealed with the current key
 * ({@code dsr.export.key}, id {@code dsr.export.key-id}); a value opens with the key of the id stored
 * with it ({@code dsr.export.previous-keys} holds earlier ones) until {@code Resealer} seals it anew
 * with the current key. Also gives keyed fingerprints (HMAC-SHA256 under a key derived from the key
 * {@code dsr.export.fingerprint-key-id}, the current one by default), to compare values without
 * storing them in clear or as a plain hash; that key stays the same across rotations. The sealing
 * and the fingerprints are platform-commons' {@link Sealing}, as for the {@code Idempotency-Key} store.
 */
@Startup
@ApplicationScoped
public class ValueCipher {

    private final Sealing sealing;
    private final SecretKey fingerprintKey;

    @Inject
    public ValueCipher(DsrConfig config) {
        this(SealingKey.keyring(config.export().key(), config.export().keyId(),
                        config.export().previousKeys().orElse(List.of()), LaunchMode.current()),
                config.export().keyId(), config.export().fingerprintKeyId().orElse(config.export().keyId()));
    }

    public ValueCipher(SecretKey key, String keyId) {
        this(Map.of(keyId, key), keyId, keyId);
    }

    /** @param keys every key by id (the current one included); {@code keyId} seals new values */
    public ValueCipher(Map<String, SecretKey> keys, String keyId, String fingerprintKeyId) {
        if (!keys.containsKey(keyId)) {
            throw new IllegalStateException("dsr.export.key-id " + keyId + " names no configured key");
        }
        if (!keys.containsKey(fingerprintKeyId)) {
            throw new IllegalStateException("dsr.export.fingerprint-key-id " + fingerprintKeyId
                    + " names no configured key: keep that key in dsr.export.previous-keys");
        }
        this.sealing = new Sealing(keys, keyId);
        this.fingerprintKey = new SecretKeySpec(Sealing.derive(keys.get(fingerprintKeyId).getEncoded(),
                "dsr-fingerprint-v1"), "HmacSHA256");
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return sealing.currentKeyId();
    }

    /** 3.4.b / data minimization: personal values that the platform must hold are held sealed. */
    @Enforces(value = "3.4.b", note = "access exports and correction values are encrypted at rest (AES-GCM)")
    public Sealed seal(byte[] plaintext, String boundTo) {
        Sealing.Sealed sealed = sealing.seal(plaintext, boundTo);
        return new Sealed(sealed.keyId(), sealed.nonce(), sealed.ciphertext());
    }

    /** @throws IllegalStateException when the key id is unknown, or the value was tampered with or bound to another row */
    public byte[] open(Sealed sealed, String boundTo) {
        if (!sealing.holds(sealed.keyId())) {
            throw new IllegalStateException("a sealed value names key id " + sealed.keyId()
                    + ", which is not configured (dsr.export.previous-keys)");
        }
        return sealing.open(new Sealing.Sealed(sealed.keyId(), sealed.nonce(), sealed.ciphertext()), boundTo);
    }

    /** Opens a value sealed with an earlier key and seals it with the current one, bound to the same row. */
    public Sealed reseal(Sealed sealed, String boundTo) {
        return seal(open(sealed, boundTo), boundTo);
    }

    /** A keyed fingerprint of {@code text}, hex; equal texts give equal fingerprints under one key. */
    public String fingerprint(String text) {
        return fingerprint(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A keyed fingerprint of {@code bytes}, hex. */
    public String fingerprint(byte[] bytes) {
        return Sealing.fingerprint(fingerprintKey, bytes);
    }
}

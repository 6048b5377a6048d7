package com.privacyplatform.commons.crypto;

import com.privacyplatform.api.clause.Enforces;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals values at rest with AES-GCM (a fresh random 96-bit nonce per value, a 128-bit tag) bound to
 * a context - the owning row's id or key as associated data, so a ciphertext moved to another row
 * does not open - under a keyring: every key has an id, new values are sealed with the current one
 * and a value opens with the key whose id is stored beside it, so values sealed before a rotation
 * stay readable while their key is kept. Also the keyed fingerprints (HMAC-SHA256, hex) that let a
 * store compare values without holding them in clear or as a plain hash, and the derivation of
 * purpose keys from one master key ({@link #derive}). Used by the {@code Idempotency-Key} store
 * ({@code IdempotencySeal}) and dsr-service's exports and correction values ({@code ValueCipher});
 * the algorithms and labels are fixed: what is stored must open as it did.
 */
public final class Sealing {

    /** A sealed value: the id of the key it was sealed with, its nonce and the ciphertext with its tag. */
    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    /** @param keys every AES key by id; {@code currentKeyId} (one of them, or null: nothing to seal with) seals */
    public Sealing(Map<String, SecretKey> keys, String currentKeyId) {
        this.keys = new LinkedHashMap<>(keys);
        this.currentKeyId = currentKeyId;
    }

    /** The id of the key new values are sealed with; null when there is none. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** Whether a value sealed under {@code keyId} can be opened. */
    public boolean holds(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** 3.4.b: personal values the platform must keep are kept sealed, bound to their row. */
    @Enforces(value = "3.4.b", note = "values kept at rest are encrypted (AES-GCM, bound to their row):"
            + " Idempotency-Key answers, access exports, correction values")
    public Sealed seal(byte[] plaintext, String boundTo) {
        if (currentKeyId == null) {
            throw new IllegalStateException("no sealing key is configured");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new Sealed(currentKeyId, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /**
     * Opens what {@link #seal} made, bound to the same context.
     *
     * @throws IllegalStateException when its key is not held, or it was tampered with or bound to another row
     */
    public byte[] open(Sealed sealed, String boundTo) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("a sealed value names key id " + sealed.keyId()
                    + ", which is not configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open (wrong key, another row, or tampered with)");
        }
    }

    /** The keyed fingerprint of {@code bytes} under the HMAC-SHA256 key {@code key}, hex. */
    public static String fingerprint(SecretKey key, byte[] bytes) {
        return HexFormat.of().formatHex(hmac(key, bytes));
    }

    /** A key for one purpose derived from a master key: HMAC-SHA256(master, label). */
    public static byte[] derive(byte[] master, String label) {
        return hmac(new SecretKeySpec(master, "HmacSHA256"), label.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKey key, byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }
}

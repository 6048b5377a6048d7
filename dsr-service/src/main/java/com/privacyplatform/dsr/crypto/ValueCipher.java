package com.privacyplatform.dsr.crypto;

import com.privacyplatform.commons.clause.Enforces;
import com.privacyplatform.dsr.config.DsrConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal values at rest (access exports, correction values) with AES-GCM: a fresh random
 * nonce per value, a 128-bit tag, and the owning row's id as associated data, so a ciphertext moved
 * to another row does not open. Also gives keyed fingerprints (HMAC-SHA256 under a key derived from
 * the same secret), to compare values without storing them in clear or as a plain hash.
 */
@Startup
@ApplicationScoped
public class ValueCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecretKey fingerprintKey;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public ValueCipher(DsrConfig config) {
        this(SealingKey.resolve(config.export().key(), LaunchMode.current()), config.export().keyId());
    }

    public ValueCipher(SecretKey key, String keyId) {
        this.key = key;
        this.keyId = keyId;
        this.fingerprintKey = new SecretKeySpec(hmac(key.getEncoded(), "dsr-fingerprint-v1"), "HmacSHA256");
    }

    /** 3.4.b / data minimization: personal values that the platform must hold are held sealed. */
    @Enforces(value = "3.4.b", note = "access exports and correction values are encrypted at rest (AES-GCM)")
    public Sealed seal(byte[] plaintext, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new Sealed(keyId, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** @throws IllegalStateException when the value was tampered with, bound to another row or another key */
    public byte[] open(Sealed sealed, String boundTo) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open (wrong key, row or tampered)");
        }
    }

    /** A keyed fingerprint of {@code text}, hex; equal texts give equal fingerprints under one key. */
    public String fingerprint(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("fingerprint failed", e);
        }
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

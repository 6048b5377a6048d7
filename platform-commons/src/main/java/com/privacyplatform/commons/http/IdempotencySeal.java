package com.privacyplatform.commons.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the first answers kept by {@link Idempotency} and keys their request fingerprints, so the
 * store holds no personal value in clear and no plain hash of one (a contact's phone number hashes
 * to a value anyone can find by trying every number). Each configured key derives an AES-GCM key
 * and an HMAC key of its own (HMAC-SHA256 over a label) and an id stored beside the row, so a row
 * opens with the key it was written under until that key is dropped.
 */
@ApplicationScoped
public class IdempotencySeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private record Keys(SecretKeySpec seal, SecretKeySpec fingerprint) {
    }

    private final Map<String, Keys> keys = new LinkedHashMap<>();
    private final String currentId;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public IdempotencySeal(IdempotencyConfig config) {
        this(config.key(), config.previousKeys().orElse(List.of()));
    }

    IdempotencySeal(Optional<String> current, List<String> previous) {
        currentId = current.map(this::add).orElse(null);
        previous.stream().filter(k -> !k.isBlank()).forEach(this::add);
    }

    private String add(String base64) {
        byte[] master;
        try {
            master = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("platform.idempotency.key / previous-keys must be base64");
        }
        if (master.length < 32) {
            throw new IllegalStateException("platform.idempotency.key / previous-keys must hold at least 32 bytes");
        }
        String id = HexFormat.of().formatHex(derive(master, "platform-idempotency-key-id-v1"), 0, 8);
        keys.put(id, new Keys(new SecretKeySpec(derive(master, "platform-idempotency-seal-v1"), "AES"),
                new SecretKeySpec(derive(master, "platform-idempotency-fingerprint-v1"), "HmacSHA256")));
        return id;
    }

    /** The id of the key new rows are written under. */
    public String currentKeyId() {
        return current();
    }

    /** The request's fingerprint under the key {@code keyId}, hex; null when that key is not configured. */
    public String fingerprint(String keyId, byte[] request) {
        Keys k = keys.get(keyId);
        if (k == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(k.fingerprint());
            return HexFormat.of().formatHex(mac.doFinal(request));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    /** The answer sealed under the current key, bound to its row ({@code boundTo}); base64 of nonce and ciphertext. */
    public String seal(String answer, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current()).seal(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(answer.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the answer", e);
        }
    }

    /** Opens what {@link #seal} made under {@code keyId}; null when that key is no longer configured. */
    public String open(String keyId, String sealed, String boundTo) {
        Keys k = keys.get(keyId);
        if (k == null) {
            return null;
        }
        byte[] bytes = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k.seal(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored answer does not open (tampered with or moved to another row)");
        }
    }

    private String current() {
        if (currentId == null) {
            throw new IllegalStateException("platform.idempotency.key is not configured (PLATFORM_IDEMPOTENCY_KEY"
                    + " from the service's secret): the Idempotency-Key store cannot seal answers");
        }
        return currentId;
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

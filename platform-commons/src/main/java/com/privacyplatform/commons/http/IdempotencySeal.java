package com.privacyplatform.commons.http;

import com.privacyplatform.commons.crypto.Sealing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the first answers kept by {@link Idempotency} and keys their request fingerprints, so the
 * store holds no personal value in clear and no plain hash of one (a contact's phone number hashes
 * to a value anyone can find by trying every number). Each configured key derives an AES-GCM key
 * and an HMAC key of its own (HMAC-SHA256 over a label) and an id stored beside the row, so a row
 * opens with the key it was written under until that key is dropped. The sealing itself is
 * {@link Sealing}'s; an answer is stored as base64 of nonce and ciphertext.
 */
@ApplicationScoped
public class IdempotencySeal {

    private static final int NONCE_BYTES = 12;

    private final Map<String, SecretKey> fingerprintKeys = new LinkedHashMap<>();
    private final Sealing sealing;

    @Inject
    public IdempotencySeal(IdempotencyConfig config) {
        this(config.key(), config.previousKeys().orElse(List.of()));
    }

    IdempotencySeal(Optional<String> current, List<String> previous) {
        Map<String, SecretKey> sealKeys = new LinkedHashMap<>();
        String currentId = current.map(key -> add(key, sealKeys)).orElse(null);
        previous.stream().filter(k -> !k.isBlank()).forEach(key -> add(key, sealKeys));
        sealing = new Sealing(sealKeys, currentId);
    }

    private String add(String base64, Map<String, SecretKey> sealKeys) {
        byte[] master;
        try {
            master = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("platform.idempotency.key / previous-keys must be base64");
        }
        if (master.length < 32) {
            throw new IllegalStateException("platform.idempotency.key / previous-keys must hold at least 32 bytes");
        }
        String id = HexFormat.of().formatHex(Sealing.derive(master, "platform-idempotency-key-id-v1"), 0, 8);
        sealKeys.put(id, new SecretKeySpec(Sealing.derive(master, "platform-idempotency-seal-v1"), "AES"));
        fingerprintKeys.put(id, new SecretKeySpec(Sealing.derive(master, "platform-idempotency-fingerprint-v1"),
                "HmacSHA256"));
        return id;
    }

    /** The id of the key new rows are written under. */
    public String currentKeyId() {
        if (sealing.currentKeyId() == null) {
            throw new IllegalStateException("platform.idempotency.key is not configured (PLATFORM_IDEMPOTENCY_KEY"
                    + " from the service's secret): the Idempotency-Key store cannot seal answers");
        }
        return sealing.currentKeyId();
    }

    /** The request's fingerprint under the key {@code keyId}, hex; null when that key is not configured. */
    public String fingerprint(String keyId, byte[] request) {
        SecretKey key = fingerprintKeys.get(keyId);
        return key == null ? null : Sealing.fingerprint(key, request);
    }

    /** The answer sealed under the current key, bound to its row ({@code boundTo}); base64 of nonce and ciphertext. */
    public String seal(String answer, String boundTo) {
        currentKeyId();
        Sealing.Sealed sealed = sealing.seal(answer.getBytes(StandardCharsets.UTF_8), boundTo);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(sealed.nonce().length
                + sealed.ciphertext().length).put(sealed.nonce()).put(sealed.ciphertext()).array());
    }

    /** Opens what {@link #seal} made under {@code keyId}; null when that key is no longer configured. */
    public String open(String keyId, String sealed, String boundTo) {
        if (!sealing.holds(keyId)) {
            return null;
        }
        byte[] bytes = Base64.getDecoder().decode(sealed);
        try {
            return new String(sealing.open(new Sealing.Sealed(keyId, Arrays.copyOf(bytes, NONCE_BYTES),
                    Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length)), boundTo), StandardCharsets.UTF_8);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("a stored answer does not open (tampered with or moved to another row)");
        }
    }
}

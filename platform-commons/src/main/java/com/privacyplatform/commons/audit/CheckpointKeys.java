package com.privacyplatform.commons.audit;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The checkpoint signing key (Ed25519) and the public keys checkpoints are verified with. The
 * key comes from configuration (a secret), never from the database, so whoever holds only the
 * database credentials cannot sign a checkpoint for a rewritten chain. Production refuses to
 * start without it; dev and test runs generate one per start.
 */
@ApplicationScoped
@Startup
public class CheckpointKeys {

    static final String ALGORITHM = "Ed25519";
    private static final Logger LOG = Logger.getLogger(CheckpointKeys.class);

    private final boolean enabled;
    private final PrivateKey signing;
    private final String keyId;
    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

    public CheckpointKeys(AuditConfig config) {
        AuditConfig.Checkpoints c = config.checkpoints();
        this.enabled = c.enabled();
        if (!enabled) {
            signing = null;
            keyId = null;
            return;
        }
        KeyPair pair = configured(c);
        signing = pair.getPrivate();
        keyId = keyIdOf(pair.getPublic());
        trusted.put(keyId, pair.getPublic());
        c.trustedKeys().orElse(List.of()).forEach(k -> {
            PublicKey key = publicKey(k);
            trusted.put(keyIdOf(key), key);
        });
    }

    private static KeyPair configured(AuditConfig.Checkpoints c) {
        if (c.signingKey().isEmpty() || c.publicKey().isEmpty()) {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                throw new IllegalStateException("platform.audit.checkpoints.signing-key and public-key are required"
                        + " (PLATFORM_AUDIT_CHECKPOINTS_SIGNING_KEY / _PUBLIC_KEY from the service's secret)");
            }
            LOG.warn("no audit checkpoint signing key configured: using a key generated for this run (dev/test only)");
            return generate();
        }
        KeyPair pair = new KeyPair(publicKey(c.publicKey().get()), privateKey(c.signingKey().get()));
        byte[] probe = "checkpoint key probe".getBytes(StandardCharsets.UTF_8);
        if (!verify(pair.getPublic(), probe, sign(pair.getPrivate(), probe))) {
            throw new IllegalStateException("platform.audit.checkpoints.public-key is not the signing key's public key");
        }
        return pair;
    }

    boolean enabled() {
        return enabled;
    }

    String keyId() {
        return keyId;
    }

    /** Public keys by key id, for auditors who verify checkpoints themselves. */
    Map<String, PublicKey> trusted() {
        return Map.copyOf(trusted);
    }

    String sign(String payload) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sign(signing, payload.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return whether {@code signature} is a signature of {@code payload} by the trusted key {@code keyId} */
    boolean verify(String keyId, String payload, String signature) {
        PublicKey key = trusted.get(keyId);
        if (key == null || signature == null) {
            return false;
        }
        try {
            return verify(key, payload.getBytes(StandardCharsets.UTF_8), Base64.getUrlDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String keyIdOf(PublicKey key) {
        return "ed25519-" + AuditHashes.sha256(Base64.getEncoder().encodeToString(key.getEncoded())).substring(0, 16);
    }

    static String encoded(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static byte[] sign(PrivateKey key, byte[] payload) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(payload);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint", e);
        }
    }

    private static boolean verify(PublicKey key, byte[] payload, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(payload);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by the Java platform", e);
        }
    }

    private static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("platform.audit.checkpoints.signing-key is not an Ed25519 PKCS#8 key", e);
        }
    }

    private static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("an audit checkpoint public key is not an Ed25519 X.509 key", e);
        }
    }
}

package com.privacyplatform.dsr.attestation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The deletion attestation signing keys: a JWK set whose every key has a {@code kid}; one private key signs
 * (the active one), every key's public part is published at {@code /deletion-attestations/jwks.json}, so
 * attestations signed by a retired key still verify after a rotation. EC P-256 (ES256) or RSA of at
 * least 2048 bits (RS256). Without configuration it refuses to start, unless a throwaway dev key
 * is explicitly allowed (%dev, %test).
 */
public final class AttestationKeys {

    static final String HOW_TO = "set dsr.attestations.jwks (env DSR_ATTESTATIONS_JWKS) or dsr.attestations.jwks-file"
            + " to a JWK set with an EC P-256 or RSA (>= 2048 bit) private key that has a kid;"
            + " see dsr-service/README.md, section 'Attestation keys'";

    private final JWK active;
    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;
    private final String publicJwks;

    private AttestationKeys(JWKSet keys, JWK active) {
        this.active = active;
        this.algorithm = algorithmOf(active);
        this.signer = signerOf(active);
        this.publicJwks = keys.toPublicJWKSet().toString(true);
    }

    /** @throws IllegalStateException naming what is wrong and how to fix it */
    public static AttestationKeys load(Optional<String> jwks, Optional<Path> jwksFile, Optional<String> activeKeyId,
            boolean generateDevKey) {
        Optional<String> json = jwks.filter(s -> !s.isBlank()).or(() -> jwksFile.map(AttestationKeys::read));
        if (json.isEmpty()) {
            if (!generateDevKey) {
                throw new IllegalStateException("dsr-service: no attestation signing key configured; " + HOW_TO);
            }
            JWK dev = devKey();
            return new AttestationKeys(new JWKSet(dev), dev);
        }
        JWKSet set = parse(json.get());
        return new AttestationKeys(set, activeOf(set, activeKeyId));
    }

    /** A throwaway key for %dev/%test: attestations it signed no longer verify after a restart. */
    private static JWK devKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("dev-" + UUID.randomUUID().toString().substring(0, 8))
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a dev attestation key", e);
        }
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    public String activeKeyId() {
        return active.getKeyID();
    }

    public JWSSigner signer() {
        return signer;
    }

    /** The public JWK set (every key, public parts only), as served at {@code /deletion-attestations/jwks.json}. */
    public String publicJwks() {
        return publicJwks;
    }

    private static JWKSet parse(String json) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("dsr-service: the attestation JWK set is not valid JSON/JWK (" + e.getMessage()
                    + "); " + HOW_TO);
        }
        Set<String> kids = new HashSet<>();
        for (JWK key : set.getKeys()) {
            if (key.getKeyID() == null || key.getKeyID().isBlank() || !kids.add(key.getKeyID())) {
                throw new IllegalStateException("dsr-service: every attestation key needs a unique kid; " + HOW_TO);
            }
            algorithmOf(key); // unsupported key types fail here, not at the first signature
        }
        return set;
    }

    private static JWK activeOf(JWKSet set, Optional<String> activeKeyId) {
        List<JWK> candidates = activeKeyId.filter(s -> !s.isBlank())
                .map(kid -> set.getKeys().stream().filter(k -> kid.equals(k.getKeyID())).toList())
                .orElseGet(() -> set.getKeys().stream().filter(JWK::isPrivate).toList());
        if (candidates.size() != 1) {
            throw new IllegalStateException("dsr-service: " + (activeKeyId.isPresent()
                    ? "dsr.attestations.active-key-id names no key of the set"
                    : "the attestation JWK set must hold exactly one private key, or dsr.attestations.active-key-id"
                            + " must name the signing key") + "; " + HOW_TO);
        }
        JWK active = candidates.get(0);
        if (!active.isPrivate()) {
            throw new IllegalStateException("dsr-service: the active attestation key " + active.getKeyID()
                    + " has no private part; " + HOW_TO);
        }
        return active;
    }

    private static JWSAlgorithm algorithmOf(JWK key) {
        if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return JWSAlgorithm.ES256;
        }
        if (key instanceof RSAKey rsa && rsa.size() >= 2048) {
            return JWSAlgorithm.RS256;
        }
        throw new IllegalStateException("dsr-service: attestation key " + key.getKeyID()
                + " is neither EC P-256 nor RSA >= 2048 bit; " + HOW_TO);
    }

    private static JWSSigner signerOf(JWK key) {
        try {
            return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException("dsr-service: attestation key " + key.getKeyID() + " cannot sign; " + HOW_TO, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("dsr-service: cannot read dsr.attestations.jwks-file " + file + "; "
                    + HOW_TO, e);
        }
    }
}

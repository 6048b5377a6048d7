package com.privacyplatform.commons.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service's JWS signing keys: a JWK set whose every key has a {@code kid}; one private key signs
 * (the active one), every key's public part is published (the service's JWKS endpoint), so what a
 * retired key signed still verifies after a rotation. EC P-256 (ES256) or RSA of at least 2048 bits
 * (RS256). Without configuration it refuses to start, unless a throwaway dev key is explicitly
 * allowed (%dev, %test). Every refusal names the service's own settings ({@link Naming}):
 * consent-service's receipts, dsr-service's deletion attestations.
 */
public final class SigningKeys {

    /**
     * How a service names its keys: {@code service} ({@code consent-service}), what they sign
     * ({@code receipt}) and the prefix of its settings ({@code consent.receipts}: {@code .jwks},
     * {@code .jwks-file}, {@code .active-key-id}); its README has a section "Receipt keys".
     */
    public record Naming(String service, String kind, String prefix) {

        String howTo() {
            return "set " + prefix + ".jwks (env " + prefix.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")
                    + "_JWKS) or " + prefix + ".jwks-file to a JWK set with an EC P-256 or RSA (>= 2048 bit) private"
                    + " key that has a kid; see " + service + "/README.md, section '"
                    + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " keys'";
        }

        IllegalStateException refusal(String what) {
            return refusal(what, null);
        }

        IllegalStateException refusal(String what, Exception cause) {
            return new IllegalStateException(service + ": " + what + "; " + howTo(), cause);
        }
    }

    private final Naming naming;
    private final JWK active;
    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;
    private final String publicJwks;
    /** Per {@code typ}: the header, parsed once so that its base64url form is encoded once, not per signature. */
    private final Map<String, JWSHeader> headers = new ConcurrentHashMap<>();

    private SigningKeys(Naming naming, JWKSet keys, JWK active) {
        this.naming = naming;
        this.active = active;
        this.algorithm = algorithmOf(naming, active);
        this.signer = signerOf(naming, active);
        this.publicJwks = keys.toPublicJWKSet().toString(true);
    }

    /** @throws IllegalStateException naming what is wrong and how to fix it */
    public static SigningKeys load(Naming naming, Optional<String> jwks, Optional<Path> jwksFile,
            Optional<String> activeKeyId, boolean generateDevKey) {
        Optional<String> json = jwks.filter(s -> !s.isBlank()).or(() -> jwksFile.map(file -> read(naming, file)));
        if (json.isEmpty()) {
            if (!generateDevKey) {
                throw naming.refusal("no " + naming.kind() + " signing key configured");
            }
            JWK dev = devKey(naming);
            return new SigningKeys(naming, new JWKSet(dev), dev);
        }
        JWKSet set = parse(naming, json.get());
        return new SigningKeys(naming, set, activeOf(naming, set, activeKeyId));
    }

    /** A throwaway key for %dev/%test: what it signed no longer verifies after a restart. */
    private static JWK devKey(Naming naming) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("dev-" + UUID.randomUUID().toString().substring(0, 8))
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a dev " + naming.kind() + " key", e);
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

    /** The public JWK set (every key, public parts only), as the service's JWKS endpoint serves it. */
    public String publicJwks() {
        return publicJwks;
    }

    /** The claims signed with the active key: a compact JWS whose header names the key and {@code typ}. */
    public String sign(String type, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(headers.computeIfAbsent(type, this::header), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(naming.kind() + " signing failed", e);
        }
        return jwt.serialize();
    }

    private JWSHeader header(String type) {
        JWSHeader built = new JWSHeader.Builder(algorithm).keyID(activeKeyId()).type(new JOSEObjectType(type)).build();
        try {
            return JWSHeader.parse(built.toBase64URL());
        } catch (ParseException e) {
            throw new IllegalStateException(naming.kind() + " JWS header not parseable", e);
        }
    }

    private static JWKSet parse(Naming naming, String json) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw naming.refusal("the " + naming.kind() + " JWK set is not valid JSON/JWK (" + e.getMessage() + ")");
        }
        Set<String> kids = new HashSet<>();
        for (JWK key : set.getKeys()) {
            if (key.getKeyID() == null || key.getKeyID().isBlank() || !kids.add(key.getKeyID())) {
                throw naming.refusal("every " + naming.kind() + " key needs a unique kid");
            }
            algorithmOf(naming, key); // unsupported key types fail here, not at the first signature
        }
        return set;
    }

    private static JWK activeOf(Naming naming, JWKSet set, Optional<String> activeKeyId) {
        List<JWK> candidates = activeKeyId.filter(s -> !s.isBlank())
                .map(kid -> set.getKeys().stream().filter(k -> kid.equals(k.getKeyID())).toList())
                .orElseGet(() -> set.getKeys().stream().filter(JWK::isPrivate).toList());
        if (candidates.size() != 1) {
            throw naming.refusal(activeKeyId.isPresent() ? naming.prefix() + ".active-key-id names no key of the set"
                    : "the " + naming.kind() + " JWK set must hold exactly one private key, or " + naming.prefix()
                            + ".active-key-id must name the signing key");
        }
        JWK active = candidates.get(0);
        if (!active.isPrivate()) {
            throw naming.refusal("the active " + naming.kind() + " key " + active.getKeyID() + " has no private part");
        }
        return active;
    }

    private static JWSAlgorithm algorithmOf(Naming naming, JWK key) {
        if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return JWSAlgorithm.ES256;
        }
        if (key instanceof RSAKey rsa && rsa.size() >= 2048) {
            return JWSAlgorithm.RS256;
        }
        throw naming.refusal(naming.kind() + " key " + key.getKeyID() + " is neither EC P-256 nor RSA >= 2048 bit");
    }

    private static JWSSigner signerOf(Naming naming, JWK key) {
        try {
            // ES256 through BouncyCastle: same JWS, a cheaper signature than the JDK's (Es256Signer, issue 16.1)
            return key instanceof ECKey ec ? new Es256Signer(ec) : new RSASSASigner((RSAKey) key);
        } catch (JOSEException e) {
            throw naming.refusal(naming.kind() + " key " + key.getKeyID() + " cannot sign", e);
        }
    }

    private static String read(Naming naming, Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw naming.refusal("cannot read " + naming.prefix() + ".jwks-file " + file, e);
        }
    }
}

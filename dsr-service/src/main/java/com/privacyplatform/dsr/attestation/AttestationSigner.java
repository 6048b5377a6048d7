package com.privacyplatform.dsr.attestation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.privacyplatform.dsr.config.AttestationConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.Map;

/**
 * Signs deletion attestations with the active key of {@link AttestationKeys} (the same library and key
 * handling as consent-service's receipts, a key of its own). Loaded at startup: a missing or unusable
 * key stops the service with a message saying what to configure.
 */
@Startup
@ApplicationScoped
public class AttestationSigner {

    public static final String TYPE = "deletion-attestation+jwt";

    private final AttestationKeys keys;
    private final String issuer;

    public AttestationSigner(AttestationConfig a) {
        this.keys = AttestationKeys.load(a.jwks(), a.jwksFile(), a.activeKeyId(), a.generateDevKey());
        this.issuer = a.issuer();
    }

    public AttestationKeys keys() {
        return keys;
    }

    public String issuer() {
        return issuer;
    }

    /** @param claims the attestation's own claims; {@code iss}, {@code sub}, {@code iat} and {@code jti} are added */
    public String sign(String attestationId, String subjectId, Date issuedAt, Map<String, Object> claims) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer).subject(subjectId).issueTime(issuedAt)
                .jwtID(attestationId);
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(keys.algorithm()).keyID(keys.activeKeyId())
                .type(new JOSEObjectType(TYPE)).build(), set.build());
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("attestation signing failed", e);
        }
        return jwt.serialize();
    }
}

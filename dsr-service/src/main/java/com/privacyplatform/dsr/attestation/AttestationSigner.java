package com.privacyplatform.dsr.attestation;

import com.nimbusds.jwt.JWTClaimsSet;
import com.privacyplatform.commons.signing.SigningKeys;
import com.privacyplatform.dsr.config.AttestationConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.Map;

/**
 * Signs deletion attestations with the active key of platform-commons' {@link SigningKeys} from
 * {@code dsr.attestations.*} (the key handling of consent-service's receipts, a key of its own).
 * Loaded at startup: a missing or unusable key stops the service with a message saying what to
 * configure.
 */
@Startup
@ApplicationScoped
public class AttestationSigner {

    public static final String TYPE = "deletion-attestation+jwt";
    /** The keys' names in messages: settings {@code dsr.attestations.*}, README section "Attestation keys". */
    public static final SigningKeys.Naming KEYS =
            new SigningKeys.Naming("dsr-service", "attestation", "dsr.attestations");

    private final SigningKeys keys;
    private final String issuer;

    public AttestationSigner(AttestationConfig a) {
        this.keys = SigningKeys.load(KEYS, a.jwks(), a.jwksFile(), a.activeKeyId(), a.generateDevKey());
        this.issuer = a.issuer();
    }

    public SigningKeys keys() {
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
        return keys.sign(TYPE, set.build());
    }
}

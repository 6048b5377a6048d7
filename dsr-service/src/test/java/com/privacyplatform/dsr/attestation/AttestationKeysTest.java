package com.privacyplatform.dsr.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.privacyplatform.commons.signing.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The attestation key from configuration: no production default, rotation, a clear refusal to start. */
class AttestationKeysTest {

    @Test
    void withoutAConfiguredKeyTheServiceRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> keys(Optional.empty(), Optional.empty(), Optional.empty(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no attestation signing key configured")
                .hasMessageContaining("DSR_ATTESTATIONS_JWKS");
        assertThat(keys(Optional.empty(), Optional.empty(), Optional.empty(), true).activeKeyId())
                .startsWith("dev-");
    }

    @Test
    void theProductionProfileHasNoKeyAndNoDevKey() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/main/resources/application.properties"));
        assertThat(lines).noneMatch(l -> l.startsWith("dsr.attestations.jwks") || l.startsWith("dsr.attestations.jwks-file")
                || l.startsWith("dsr.attestations.generate-dev-key"));
        assertThat(lines).contains("dsr.attestations.issuer=${DSR_ATTESTATIONS_ISSUER}")
                .contains("%test.dsr.attestations.generate-dev-key=true");
    }

    @Test
    void aRotatedKeySetStillVerifiesAttestationsOfTheRetiredKey() throws Exception {
        ECKey old = new ECKeyGenerator(Curve.P_256).keyID("attestations-2026-01").generate();
        SigningKeys before = keys(Optional.of(new JWKSet(old).toString(false)), Optional.empty(),
                Optional.empty(), false);
        String oldOne = sign(before);
        ECKey current = new ECKeyGenerator(Curve.P_256).keyID("attestations-2026-07").generate();
        SigningKeys after = keys(Optional.of(new JWKSet(List.<JWK>of(old.toPublicJWK(), current))
                .toString(false)), Optional.empty(), Optional.of("attestations-2026-07"), false);
        JWKSet published = JWKSet.parse(after.publicJwks());
        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
        for (String jws : List.of(oldOne, sign(after))) {
            SignedJWT jwt = SignedJWT.parse(jws);
            assertThat(jwt.verify(new ECDSAVerifier((ECKey) published.getKeyByKeyId(jwt.getHeader().getKeyID()))))
                    .isTrue();
        }
        assertThatThrownBy(() -> keys(Optional.of(new JWKSet(old.toPublicJWK()).toString(false)),
                Optional.empty(), Optional.empty(), false)).hasMessageContaining("private");
    }

    private static String sign(SigningKeys keys) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(keys.algorithm()).keyID(keys.activeKeyId()).build(),
                new JWTClaimsSet.Builder().subject("s").build());
        jwt.sign(keys.signer());
        return jwt.serialize();
    }

    /** The service's keys as its signer loads them ({@code AttestationSigner.KEYS}: its settings' names). */
    private static SigningKeys keys(Optional<String> jwks, Optional<Path> jwksFile, Optional<String> activeKeyId,
            boolean generateDevKey) {
        return SigningKeys.load(AttestationSigner.KEYS, jwks, jwksFile, activeKeyId, generateDevKey);
    }
}

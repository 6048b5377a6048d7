package com.privacyplatform.commons.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The BouncyCastle ES256 signer makes JWS that the JDK's ECDSA (through nimbus) verifies with the public JWK. */
class Es256SignerTest {

    private static final SigningKeys.Naming NAMING = new SigningKeys.Naming("test-service", "receipt", "test.receipts");

    @Test
    void signaturesVerifyWithTheJdksEcdsaAgainstThePublicKey() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        Es256Signer signer = new Es256Signer(key);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build();
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
        for (int i = 0; i < 500; i++) { // R or S with leading zero bytes come up among these
            byte[] input = ("input " + i).getBytes(StandardCharsets.UTF_8);
            byte[] sig = signer.sign(header, input).decode();
            assertThat(sig).hasSize(64);
            jdk.initVerify(key.toECPublicKey());
            jdk.update(input);
            assertThat(jdk.verify(sig)).as("signature %d", i).isTrue();
        }
    }

    @Test
    void aJwsOfSigningKeysVerifiesWithThePublishedJwksAndNamesTheKey() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("receipts-1").generate();
        SigningKeys keys = SigningKeys.load(NAMING, Optional.of(new JWKSet(key).toString(false)), Optional.empty(),
                Optional.empty(), false);
        for (int i = 0; i < 3; i++) { // the header is cached after the first
            String jws = keys.sign("consent-receipt+jwt", new JWTClaimsSet.Builder().subject("s-" + i).build());
            SignedJWT parsed = SignedJWT.parse(jws);
            assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            assertThat(parsed.getHeader().getKeyID()).isEqualTo("receipts-1");
            assertThat(parsed.getHeader().getType().getType()).isEqualTo("consent-receipt+jwt");
            assertThat(parsed.getJWTClaimsSet().getSubject()).isEqualTo("s-" + i);
            ECKey published = (ECKey) JWKSet.parse(keys.publicJwks()).getKeyByKeyId("receipts-1");
            assertThat(parsed.verify(new ECDSAVerifier(published))).isTrue();
        }
    }
}

package com.privacyplatform.consent.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.privacyplatform.commons.signing.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Receipt keys from configuration: rotation, and a clear refusal to start without a usable key. */
class ReceiptKeysTest {

    @Test
    void aRotatedKeySetStillVerifiesReceiptsOfTheRetiredKey() throws Exception {
        ECKey old = new ECKeyGenerator(Curve.P_256).keyID("receipts-2026-01").generate();
        SigningKeys before = keys(Optional.of(new JWKSet(old).toString(false)), Optional.empty(),
                Optional.empty(), false);
        String oldReceipt = sign(before, "old");

        // rotation: a new active key; the retired one stays published with its public part only
        ECKey current = new ECKeyGenerator(Curve.P_256).keyID("receipts-2026-07").generate();
        String rotated = new JWKSet(List.<JWK>of(old.toPublicJWK(), current)).toString(false);
        SigningKeys after = keys(Optional.of(rotated), Optional.empty(), Optional.of("receipts-2026-07"),
                false);
        String newReceipt = sign(after, "new");

        JWKSet published = JWKSet.parse(after.publicJwks());
        assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly("receipts-2026-01", "receipts-2026-07");
        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(verifies(oldReceipt, published)).isTrue();
        assertThat(verifies(newReceipt, published)).isTrue();
        assertThat(SignedJWT.parse(newReceipt).getHeader().getKeyID()).isEqualTo("receipts-2026-07");
    }

    @Test
    void withoutAConfiguredKeyTheServiceRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> keys(Optional.empty(), Optional.empty(), Optional.empty(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no receipt signing key configured")
                .hasMessageContaining("CONSENT_RECEIPTS_JWKS");
        assertThat(keys(Optional.empty(), Optional.empty(), Optional.empty(), true).activeKeyId())
                .startsWith("dev-");
    }

    @Test
    void unusableKeySetsAreRefusedAtStartup() throws Exception {
        ECKey a = new ECKeyGenerator(Curve.P_256).keyID("a").generate();
        ECKey b = new ECKeyGenerator(Curve.P_256).keyID("b").generate();
        String two = new JWKSet(List.<JWK>of(a, b)).toString(false);
        assertThatThrownBy(() -> keys(Optional.of(two), Optional.empty(), Optional.empty(), false))
                .hasMessageContaining("active-key-id");
        String publicOnly = new JWKSet(a.toPublicJWK()).toString(false);
        assertThatThrownBy(() -> keys(Optional.of(publicOnly), Optional.empty(), Optional.of("a"), false))
                .hasMessageContaining("no private part");
        ECKey noKid = new ECKeyGenerator(Curve.P_256).generate();
        assertThatThrownBy(() -> keys(Optional.of(new JWKSet(noKid).toString(false)), Optional.empty(),
                Optional.empty(), false)).hasMessageContaining("kid");
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("p384").generate();
        assertThatThrownBy(() -> keys(Optional.of(new JWKSet(p384).toString(false)), Optional.empty(),
                Optional.empty(), false)).hasMessageContaining("neither EC P-256 nor RSA");
        assertThatThrownBy(() -> keys(Optional.of("{not json"), Optional.empty(), Optional.empty(), false))
                .hasMessageContaining("not valid");
    }

    @Test
    void rsaKeysFromAFileSignRs256() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        Path file = Files.createTempFile("receipt-keys", ".json");
        try {
            Files.writeString(file, new JWKSet(rsa).toString(false));
            SigningKeys keys = keys(Optional.empty(), Optional.of(file), Optional.empty(), false);
            assertThat(keys.algorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(SignedJWT.parse(sign(keys, "x")).verify(new RSASSAVerifier(rsa.toRSAPublicKey()))).isTrue();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theKeyToolMakesAKeySetTheServiceAccepts() throws Exception {
        Path tool = Path.of("tools/receipt-jwks.sh");
        Assumptions.assumeTrue(Files.isExecutable(tool) && new ProcessBuilder("openssl", "version").start().waitFor() == 0,
                "needs openssl");
        Process process = new ProcessBuilder(tool.toString(), "receipts-tool").start();
        String jwks = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).isZero();
        SigningKeys keys = keys(Optional.of(jwks), Optional.empty(), Optional.empty(), false);
        assertThat(keys.activeKeyId()).isEqualTo("receipts-tool");
        assertThat(verifies(sign(keys, "x"), JWKSet.parse(keys.publicJwks()))).isTrue();
    }

    private static String sign(SigningKeys keys, String id) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(keys.algorithm()).keyID(keys.activeKeyId()).build(),
                new JWTClaimsSet.Builder().claim("consentReceiptID", id).build());
        jwt.sign(keys.signer());
        return jwt.serialize();
    }

    private static boolean verifies(String compact, JWKSet published) throws Exception {
        SignedJWT jwt = SignedJWT.parse(compact);
        ECKey key = (ECKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        return jwt.verify(new ECDSAVerifier(key));
    }

    /** The service's keys as its signer loads them ({@code ReceiptSigner.KEYS}: its settings' names). */
    private static SigningKeys keys(Optional<String> jwks, Optional<Path> jwksFile, Optional<String> activeKeyId,
            boolean generateDevKey) {
        return SigningKeys.load(ReceiptSigner.KEYS, jwks, jwksFile, activeKeyId, generateDevKey);
    }
}

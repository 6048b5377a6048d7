package com.privacyplatform.commons.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.privacyplatform.api.clause.Verifies;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The one AES-GCM seal of values at rest: bound to its row, under a keyring, and its fixed derivations. */
class SealingTest {

    private static final SecretKeySpec K1 = new SecretKeySpec(new byte[32], "AES");
    private static final SecretKeySpec K2 = new SecretKeySpec("0123456789abcdef0123456789abcdef"
            .getBytes(StandardCharsets.UTF_8), "AES");

    @Test
    @Verifies(value = "3.4.b", exercises = "Sealing#seal")
    void aSealedValueHidesItsTextAndOpensOnlyInItsOwnRow() {
        Sealing sealing = new Sealing(Map.of("k1", K1), "k1");
        Sealing.Sealed sealed = sealing.seal("li.wei@example.com".getBytes(StandardCharsets.UTF_8), "row-1");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("li.wei");
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealing.open(sealed, "row-1")).asString(StandardCharsets.UTF_8).isEqualTo("li.wei@example.com");
        assertThatThrownBy(() -> sealing.open(sealed, "row-2")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    @Verifies(value = "3.4.b", exercises = "Sealing#seal")
    void afterARotationEarlierValuesStillOpenAndADroppedKeyOpensNothing() {
        Sealing.Sealed old = new Sealing(Map.of("k1", K1), "k1").seal(new byte[] {1, 2, 3}, "r");
        Sealing rotated = new Sealing(Map.of("k1", K1, "k2", K2), "k2");
        assertThat(rotated.open(old, "r")).containsExactly(1, 2, 3);
        assertThat(rotated.seal(new byte[] {4}, "r").keyId()).isEqualTo("k2");
        Sealing dropped = new Sealing(Map.of("k2", K2), "k2");
        assertThat(dropped.holds("k1")).isFalse();
        assertThatThrownBy(() -> dropped.open(old, "r")).hasMessageContaining("k1");
        assertThatThrownBy(() -> new Sealing(Map.of("k1", K1), null).seal(new byte[1], "r"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void derivationsAndFingerprintsAreHmacSha256AsStoredValuesExpect() {
        // RFC 4231, test case 2: HMAC-SHA256(key "Jefe", "what do ya want for nothing?")
        assertThat(HexFormat.of().formatHex(Sealing.derive("Jefe".getBytes(StandardCharsets.UTF_8),
                "what do ya want for nothing?"))).isEqualTo(
                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(Sealing.fingerprint(new SecretKeySpec("Jefe".getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}

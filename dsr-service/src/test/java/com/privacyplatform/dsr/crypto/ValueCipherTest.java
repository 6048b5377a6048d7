package com.privacyplatform.dsr.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.privacyplatform.api.clause.Verifies;
import io.quarkus.runtime.LaunchMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AES-GCM sealing of exports and correction values, and the key rules (prod fails clearly without a key). */
class ValueCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final ValueCipher cipher = new ValueCipher(SealingKey.resolve(Optional.of(KEY), LaunchMode.NORMAL), "k1");

    @Test
    @Verifies(value = "3.4.b", exercises = "ValueCipher#seal")
    void aSealedValueOpensOnlyForTheRowItIsBoundToAndHidesThePlaintext() {
        byte[] plain = "{\"email\":\"zhang.san@example.com\"}".getBytes(StandardCharsets.UTF_8);
        Sealed sealed = cipher.seal(plain, "task-1");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("zhang.san");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(cipher.open(sealed, "task-1")).isEqualTo(plain);
        assertThatThrownBy(() -> cipher.open(sealed, "task-2")).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.seal(plain, "task-1").nonce()).isNotEqualTo(sealed.nonce());
    }

    @Test
    @Verifies(value = "3.4.b", exercises = "ValueCipher#seal")
    void aTamperedCiphertextDoesNotOpen() {
        Sealed sealed = cipher.seal("hello".getBytes(StandardCharsets.UTF_8), "r");
        byte[] bytes = Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length);
        bytes[0] ^= 1;
        assertThatThrownBy(() -> cipher.open(new Sealed("k1", sealed.nonce(), bytes), "r"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void productionRefusesToStartWithoutAKeyOrWithAMalformedOneAndSaysWhatToSet() {
        assertThatThrownBy(() -> SealingKey.resolve(Optional.empty(), LaunchMode.NORMAL))
                .hasMessageContaining("DSR_EXPORT_KEY").hasMessageContaining("256-bit");
        assertThatThrownBy(() -> SealingKey.resolve(Optional.of("not base64!"), LaunchMode.NORMAL))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> SealingKey.resolve(Optional.of(Base64.getEncoder().encodeToString(new byte[10])),
                LaunchMode.NORMAL)).hasMessageContaining("16, 24 or 32 bytes");
        assertThat(SealingKey.resolve(Optional.empty(), LaunchMode.TEST).getEncoded()).hasSize(32);
        assertThat(SealingKey.resolve(Optional.of(" "), LaunchMode.DEVELOPMENT).getEncoded()).hasSize(32);
    }

    @Test
    void fingerprintsAreKeyedSoEqualValuesMatchOnlyUnderTheSameKey() {
        ValueCipher other = new ValueCipher(SealingKey.resolve(Optional.empty(), LaunchMode.TEST), "k1");
        assertThat(cipher.fingerprint("a")).isEqualTo(cipher.fingerprint("a")).isNotEqualTo(cipher.fingerprint("b"))
                .isNotEqualTo(other.fingerprint("a")).hasSize(64);
    }

    @Test
    void afterARotationOldValuesOpenNewOnesUseTheCurrentKeyAndFingerprintsStayTheSame() {
        String k2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        ValueCipher rotated = new ValueCipher(SealingKey.keyring(Optional.of(k2), "k2", List.of("k1:" + KEY),
                LaunchMode.NORMAL), "k2", "k1");
        Sealed old = cipher.seal("before".getBytes(StandardCharsets.UTF_8), "r");

        assertThat(rotated.open(old, "r")).isEqualTo("before".getBytes(StandardCharsets.UTF_8));
        Sealed resealed = rotated.reseal(old, "r");
        assertThat(resealed.keyId()).isEqualTo("k2");
        assertThat(rotated.open(resealed, "r")).isEqualTo("before".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> cipher.open(resealed, "r")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("k2");
        assertThat(rotated.fingerprint("a")).isEqualTo(cipher.fingerprint("a"));
    }

    @Test
    void aKeyringWithAMalformedOrRepeatedEntryOrAMissingFingerprintKeyStopsTheService() {
        assertThatThrownBy(() -> SealingKey.keyring(Optional.of(KEY), "k2", List.of("no-colon"), LaunchMode.NORMAL))
                .hasMessageContaining("<key id>:<base64 key>");
        assertThatThrownBy(() -> SealingKey.keyring(Optional.of(KEY), "k2", List.of("k2:" + KEY), LaunchMode.NORMAL))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> SealingKey.keyring(Optional.of(KEY), "k2", List.of("k1:short"), LaunchMode.NORMAL))
                .hasMessageContaining("dsr.export.previous-keys k1");
        assertThatThrownBy(() -> new ValueCipher(SealingKey.keyring(Optional.of(KEY), "k2", List.of(), LaunchMode.NORMAL),
                "k2", "k1")).hasMessageContaining("fingerprint-key-id k1");
    }
}

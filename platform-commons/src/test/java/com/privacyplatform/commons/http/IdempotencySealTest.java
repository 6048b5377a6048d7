package com.privacyplatform.commons.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdempotencySealTest {

    private static final String OLD = "NWY1/2SPzRpJDOhWDSCTDmbd6A2q3ndmLOaMbe9SAGk=";
    private static final String NEW = "Mu0wAcxfVBDM5pT4l2Dmye2ZUEXF0IfhK8fr5Mw1dT8=";
    private static final byte[] REQUEST = "{\"email\":\"li.wei@example.com\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void anAnswerSealedBeforeARotationStillOpensWithThePreviousKey() {
        IdempotencySeal before = new IdempotencySeal(Optional.of(OLD), List.of());
        String oldId = before.currentKeyId();
        String sealed = before.seal("{\"phone\":\"+8613800138000\"}", "caller\nkey-1");
        String fingerprint = before.fingerprint(oldId, REQUEST);

        IdempotencySeal after = new IdempotencySeal(Optional.of(NEW), List.of(OLD));
        assertThat(after.currentKeyId()).isNotEqualTo(oldId);
        assertThat(after.open(oldId, sealed, "caller\nkey-1")).isEqualTo("{\"phone\":\"+8613800138000\"}");
        assertThat(after.fingerprint(oldId, REQUEST)).isEqualTo(fingerprint);
        assertThat(after.fingerprint(after.currentKeyId(), REQUEST)).isNotEqualTo(fingerprint);
    }

    @Test
    void aDroppedKeyOpensNothingAndFingerprintsNothing() {
        IdempotencySeal before = new IdempotencySeal(Optional.of(OLD), List.of());
        String sealed = before.seal("{}", "c\nk");
        IdempotencySeal later = new IdempotencySeal(Optional.of(NEW), List.of());
        assertThat(later.open(before.currentKeyId(), sealed, "c\nk")).isNull();
        assertThat(later.fingerprint(before.currentKeyId(), REQUEST)).isNull();
    }

    @Test
    void theSealedAnswerHoldsNoClearTextAndOpensOnlyInItsOwnRow() {
        IdempotencySeal seal = new IdempotencySeal(Optional.of(NEW), List.of());
        String sealed = seal.seal("{\"email\":\"li.wei@example.com\"}", "caller-a\nkey-1");
        assertThat(sealed).doesNotContain("li.wei").doesNotContain("example.com");
        assertThatThrownBy(() -> seal.open(seal.currentKeyId(), sealed, "caller-b\nkey-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open");
    }

    @Test
    void withoutAKeyNothingIsStoredAndTheMessageNamesTheSetting() {
        IdempotencySeal none = new IdempotencySeal(Optional.empty(), List.of());
        assertThatThrownBy(none::currentKeyId).hasMessageContaining("PLATFORM_IDEMPOTENCY_KEY");
        assertThatThrownBy(() -> new IdempotencySeal(Optional.of("c2hvcnQ="), List.of()))
                .hasMessageContaining("at least 32 bytes");
    }
}

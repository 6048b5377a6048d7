package com.privacyplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StrictSchemaTest {

    static List<String> overlays() {
        return ModulePaths.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyRenderedObjectValidatesStrictlyAgainstItsModelOrCrd(String overlay) {
        assertThat(Schemas.validate(Kustomize.overlay(overlay))).isEmpty();
    }
}

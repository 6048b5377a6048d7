package com.privacyplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Encryption in transit inside the cluster (3.4.c, issue 15.5): no plain connection string where the overlay requires TLS. */
class TransportEncryptionTest {

    static List<String> overlays() {
        return ModulePaths.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyConnectionToPostgresRabbitmqAndKeycloakIsVerifiedTlsWhereTheOverlayRequiresIt(String overlay) {
        List<String> plain = TransportEncryption.check(Kustomize.overlay(overlay));
        if (RenderedValues.OVERLAYS.get(overlay).tlsInCluster()) {
            assertThat(plain).isEmpty();
        } else {
            // dev stays plain inside the cluster: the check sees it (it is not vacuous)
            assertThat(plain).anyMatch(v -> v.contains("DB_JDBC_URL")).anyMatch(v -> v.contains("is plain"));
        }
    }
}

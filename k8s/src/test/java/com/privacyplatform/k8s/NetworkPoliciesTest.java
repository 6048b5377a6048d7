package com.privacyplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The NetworkPolicies evaluated: exactly the platform's paths are open. */
class NetworkPoliciesTest {

    static List<String> overlays() {
        return ModulePaths.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyPathAServicesConfigurationNamesIsOpenAndEveryServiceIsCalled(String overlay) {
        assertThat(NetworkReachability.requiredPathsAreOpen(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void nothingAnApplicationsConfigurationDoesNotNameIsOpenFromIt(String overlay) {
        assertThat(NetworkReachability.nothingElseIsOpen(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheGatewayAndAnExposedKeycloakAdmitTrafficFromOutsideTheNamespace(String overlay) {
        assertThat(NetworkReachability.onlyTheGatewayIsReachableFromOutside(Kustomize.overlay(overlay))).isEmpty();
    }
}

package com.privacyplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrossReferencesTest {

    static List<String> overlays() {
        return ModulePaths.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everySecretAndConfigMapReferenceResolvesWithItsKey(String overlay) {
        assertThat(CrossReferences.secretsAndConfigMaps(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void selectorsOfServicesBudgetsAutoscalersAndNetworkPoliciesMatchPods(String overlay) {
        assertThat(CrossReferences.selectors(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void bindingsNameDeclaredExchangesAndQueuesAndPermissionsNameDeclaredUsers(String overlay) {
        assertThat(CrossReferences.messaging(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void backupsKeycloakAndTheRealmImportNameDeclaredInfrastructure(String overlay) {
        assertThat(CrossReferences.infrastructure(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theServicesConfigurationNamesServicesDatabasesAndTheRealmThatExist(String overlay) {
        assertThat(CrossReferences.serviceConfiguration(Kustomize.overlay(overlay))).isEmpty();
    }
}

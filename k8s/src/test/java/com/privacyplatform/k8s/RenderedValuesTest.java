package com.privacyplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Asserts rendered values: a patch whose target matches nothing would otherwise go unnoticed. */
class RenderedValuesTest {

    static List<String> overlays() {
        return ModulePaths.overlays();
    }

    @Test
    void everyOverlayHasDeclaredExpectations() {
        assertThat(RenderedValues.OVERLAYS.keySet()).containsExactlyInAnyOrderElementsOf(overlays());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void replicaCountsAreThoseOfTheOverlay(String overlay) {
        assertThat(RenderedValues.replicas(Kustomize.overlay(overlay), RenderedValues.OVERLAYS.get(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerIsRestrictedHasResourcesAndProbes(String overlay) {
        assertThat(RenderedValues.containers(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noImageIsLatestAndProdImagesArePinned(String overlay) {
        assertThat(RenderedValues.images(Kustomize.overlay(overlay), RenderedValues.OVERLAYS.get(overlay).pinnedImages())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceRunsAsItsOwnServiceAccountWithoutApiRights(String overlay) {
        assertThat(RenderedValues.serviceAccounts(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheGatewayAndKeycloaksPublicPathsAreExposedThroughTlsIngressesBehindDefaultDeny(String overlay) {
        assertThat(RenderedValues.exposure(Kustomize.overlay(overlay), RenderedValues.OVERLAYS.get(overlay).publicAuth())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void aServiceAtItsMostPodsStaysWithinItsDatabasesConnections(String overlay) {
        assertThat(RenderedValues.databaseConnections(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theGatewaysRateSharesMatchTheReplicasThatAlwaysRun(String overlay) {
        assertThat(RenderedValues.gatewayRateShares(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceIsDeployedWithItsServiceConfigMapNetworkPolicyAndImage(String overlay) {
        assertThat(RenderedValues.services(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDatabaseIsBackedUpAndTheBrokerAndKeycloakRunOnOperators(String overlay) {
        assertThat(RenderedValues.infrastructure(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void demoIdentitiesOnlyInDevBruteForceProtectionAndPasswordPolicyEverywhereTotpForOfficersInProd(String overlay) {
        assertThat(RenderedValues.realmIdentities(Kustomize.overlay(overlay), RenderedValues.OVERLAYS.get(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void autoscalersAndDisruptionBudgetsExistExactlyWhereTheOverlayScales(String overlay) {
        assertThat(RenderedValues.autoscaling(Kustomize.overlay(overlay), RenderedValues.OVERLAYS.get(overlay).autoscaled())).isEmpty();
    }
}

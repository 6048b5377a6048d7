package com.privacyplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The manifests give each service what its own configuration reads and subscribes to. */
class ServiceContractsTest {

    static List<String> overlays() {
        return ModulePaths.overlays();
    }

    @Test
    void everyServiceWithAModuleHasSubscriptionsOrEnvironmentToCheck() {
        assertThat(ServiceConfig.all().keySet()).contains("partner-registry-service", "gateway", "consent-service", "dsr-service",
                "breach-service");
        assertThat(ServiceConfig.all().values().stream().flatMap(c -> c.incomingChannels().stream()).map(ServiceConfig.Channel::queue))
                .contains("gateway.partner-controls", "partner-registry-service.scorecard-feed", "consent-service.partner-events",
                        "consent-service.dsr-events", "dsr-service.consent-events", "dsr-service.partner-events", "dsr-service.breach-orders");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyIncomingChannelHasItsQueueBindingsDeadLetterQueueAndPermissionAndNothingMore(String overlay) {
        assertThat(MessagingContract.check(Kustomize.overlay(overlay), ServiceConfig.all().values())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyEnvironmentVariableAServiceReadsHasASource(String overlay) {
        assertThat(ServiceEnvironment.check(Kustomize.overlay(overlay), ServiceEnvironment.requiredByService())).isEmpty();
    }

    @Test
    void noPasswordSecretOrKeyHasADefaultThatAppliesInProd() {
        assertThat(SecretDefaults.check(ServiceConfig.all().values())).isEmpty();
    }
}

package com.privacyplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Only the API and the web page are public (issue 15.3): health, metrics and OpenAPI on every
 * application's management interface - probed there, scraped from the monitoring namespace only,
 * never routed by an Ingress; the gateway's Ingress routes /api and /privacy only.
 */
class ManagementExposureTest {

    static List<String> overlays() {
        return ModulePaths.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void healthMetricsAndOpenApiAreOnTheManagementPortWhichNoIngressAndOnlyMonitoringReaches(String overlay) {
        assertThat(ManagementExposure.check(Kustomize.overlay(overlay), ServiceConfig.all().values())).isEmpty();
    }
}

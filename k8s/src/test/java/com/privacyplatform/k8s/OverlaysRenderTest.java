package com.privacyplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OverlaysRenderTest {

    static List<String> overlays() {
        return ModulePaths.overlays();
    }

    @Test
    void thereAreTheDevAndProdOverlays() {
        assertThat(overlays()).contains("dev", "prod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyOverlayRendersIntoOneNamespaceWithoutDuplicates(String overlay) {
        List<K8sObject> objects = Kustomize.overlay(overlay);

        assertThat(objects).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (K8sObject o : objects) {
            assertThat(ids.add(o.apiVersion() + " " + o.id())).as("duplicate %s", o.id()).isTrue();
        }
        List<K8sObject> namespaces = objects.stream().filter(o -> o.is("Namespace")).toList();
        assertThat(namespaces).as("the overlay declares its namespace").hasSize(1);
        String namespace = namespaces.get(0).name();
        assertThat(objects.stream().filter(o -> !o.is("Namespace")).map(K8sObject::namespace))
                .as("every namespaced object is in %s", namespace).containsOnly(namespace);
    }
}

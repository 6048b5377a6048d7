package com.privacyplatform.k8s;

import io.kubernetes.client.custom.Quantity;

/** Kubernetes quantities ("250m", "1Gi", 2) as numbers, for comparing requests with limits. */
final class Quantities {

    private Quantities() {
    }

    static double parse(Object quantity) {
        return new Quantity(String.valueOf(quantity)).getNumber().doubleValue();
    }
}

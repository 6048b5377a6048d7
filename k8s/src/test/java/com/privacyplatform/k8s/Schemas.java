package com.privacyplatform.k8s;

import java.util.ArrayList;
import java.util.List;

/** Every rendered object validated strictly: built-in kinds by model, custom resources by CRD. */
final class Schemas {

    private Schemas() {
    }

    static List<String> validate(List<K8sObject> objects) {
        CrdSchemas crds = CrdSchemas.upstream();
        List<String> violations = new ArrayList<>();
        for (K8sObject o : objects) {
            if (o.apiVersion() == null || o.kind() == null) {
                violations.add("an object without apiVersion or kind: " + o.body());
            } else if (BuiltinSchemas.knows(o)) {
                violations.addAll(BuiltinSchemas.validate(o));
            } else if (crds.knows(o)) {
                violations.addAll(crds.validate(o));
            } else {
                violations.add(o.id() + ": " + o.apiVersion() + " " + o.kind()
                        + " is neither a built-in kind nor in a CRD of " + ModulePaths.crds());
            }
        }
        return violations;
    }
}

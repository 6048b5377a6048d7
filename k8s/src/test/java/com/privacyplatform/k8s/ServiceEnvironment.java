package com.privacyplatform.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every environment variable a service reads in production has a source in its Deployment: an env
 * entry (value, Secret or field) or a key of a ConfigMap it takes with envFrom. Otherwise the service
 * falls back to its local default (localhost URLs, demo credentials) or an empty secret in the cluster.
 */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    /**
     * Variables a service reads without a ${VAR} in its application.properties (Quarkus maps them to
     * a property of the same name), or will read once work in progress is merged.
     */
    static final Map<String, Set<String>> READ_WITHOUT_PLACEHOLDER = Map.of(
            // consent.receipts.jwks: the receipt signing keys (consent-service/README.md, "Receipt keys")
            "consent-service", Set.of("CONSENT_RECEIPTS_JWKS"),
            // dsr.attestations.jwks: the deletion attestation signing keys (dsr-service/README.md, "Attestation keys")
            "dsr-service", Set.of("DSR_ATTESTATIONS_JWKS"),
            // the projection bootstrap (platform-services client) and the privacy-center route
            "gateway", Set.of("PLATFORM_SERVICES_SECRET", "PRIVACY_CENTER_URL"));

    /**
     * What a service reads while its module is not in this repository yet: privacy-center (built
     * alongside; its own application.properties replaces this list as soon as the module exists).
     */
    static final Map<String, Set<String>> CONTRACT_WITHOUT_MODULE = Map.of(
            "privacy-center", Set.of("OIDC_AUTH_SERVER_URL", "PRIVACY_CENTER_SESSION_SECRET", "CONSENT_URL", "DSR_URL", "REGISTRY_URL"));

    /** The variables a service reads: from its configuration, or its contract while its module is absent. */
    static Set<String> required(String service, ServiceConfig config) {
        Set<String> vars = new LinkedHashSet<>();
        if (config != null) {
            vars.addAll(config.environmentVariables());
        } else {
            vars.addAll(CONTRACT_WITHOUT_MODULE.getOrDefault(service, Set.of()));
        }
        vars.addAll(READ_WITHOUT_PLACEHOLDER.getOrDefault(service, Set.of()));
        return vars;
    }

    /** Violations for the Deployment of each service that reads a variable it is not given. */
    static List<String> check(List<K8sObject> objects, Map<String, Set<String>> requiredByService) {
        List<String> violations = new ArrayList<>();
        Map<String, K8sObject> configMaps = new LinkedHashMap<>();
        objects.stream().filter(o -> o.is("ConfigMap")).forEach(o -> configMaps.put(o.name(), o));
        requiredByService.forEach((service, required) -> {
            K8sObject deployment = objects.stream().filter(o -> o.is("Deployment") && o.name().equals(service)).findFirst().orElse(null);
            if (deployment == null) {
                violations.add(service + ": no Deployment");
                return;
            }
            Set<String> given = given(deployment, configMaps);
            for (String var : required) {
                if (!given.contains(var)) {
                    violations.add(deployment.id() + ": " + service + " reads " + var
                            + ", which neither its env nor its ConfigMap sets (it would run on its local default)");
                }
            }
        });
        return violations;
    }

    /** The variables a Deployment's containers get. */
    static Set<String> given(K8sObject deployment, Map<String, K8sObject> configMaps) {
        Set<String> given = new LinkedHashSet<>();
        for (Object c : deployment.list("spec", "template", "spec", "containers")) {
            for (Object e : Nodes.list(Nodes.at(c, "env"))) {
                given.add(String.valueOf(Nodes.at(e, "name")));
            }
            for (Object from : Nodes.list(Nodes.at(c, "envFrom"))) {
                K8sObject cm = configMaps.get(String.valueOf(Nodes.at(from, "configMapRef", "name")));
                if (cm != null) {
                    String prefix = Nodes.at(from, "prefix") == null ? "" : String.valueOf(Nodes.at(from, "prefix"));
                    cm.map("data").keySet().forEach(k -> given.add(prefix + k));
                }
            }
        }
        return given;
    }

    /** Each committed service and what it reads. */
    static Map<String, Set<String>> requiredByService() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String service : ModulePaths.generatedServices()) {
            out.put(service, required(service, ServiceConfig.of(service)));
        }
        return out;
    }
}

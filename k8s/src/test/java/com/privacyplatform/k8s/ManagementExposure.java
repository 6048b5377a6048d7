package com.privacyplatform.k8s;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Only the API and the web page are public (issue 15.3). Every application serves health, metrics
 * and its OpenAPI document / Swagger UI on Quarkus' management interface, its own port: the probes
 * use it, Prometheus reaches it from the monitoring namespace only, and no Ingress routes to it.
 * The gateway's Ingress routes only the public path prefixes: the API (with the public
 * verification paths below it: the receipts' JWKS, gateway.public-paths) and the privacy-center.
 */
final class ManagementExposure {

    /** The only path prefixes an Ingress may route to the gateway. */
    static final List<String> PUBLIC_GATEWAY_PATHS = List.of("/api", "/privacy");
    /** The namespace Prometheus scrapes from: the only one outside the platform's that reaches a management port. */
    static final String MONITORING_NAMESPACE = "monitoring";
    static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";
    /** The name quarkus-kubernetes gives the management interface's container port. */
    static final String PORT_NAME = "management";

    private ManagementExposure() {
    }

    static List<String> check(List<K8sObject> objects, Collection<ServiceConfig> configs) {
        List<String> violations = new ArrayList<>();
        violations.addAll(interfaces(configs));
        violations.addAll(probesAndPorts(objects, configs));
        violations.addAll(ingresses(objects));
        violations.addAll(networkPolicies(objects));
        violations.addAll(scrapes(objects));
        return violations;
    }

    /** Prometheus Operator scrapes (ServiceMonitor) reach the applications on the management port only. */
    static List<String> scrapes(List<K8sObject> objects) {
        List<String> violations = new ArrayList<>();
        for (K8sObject m : RenderedValues.kind(objects, "ServiceMonitor")) {
            for (Object endpoint : m.list("spec", "endpoints")) {
                if (!PORT_NAME.equals(Nodes.at(endpoint, "port"))) {
                    violations.add(m.id() + ": scrapes port " + Nodes.at(endpoint, "port") + ", not the management port");
                }
            }
        }
        return violations;
    }

    /** In the prod view of each application's configuration the management interface is on, on a port of its own. */
    static List<String> interfaces(Collection<ServiceConfig> configs) {
        List<String> violations = new ArrayList<>();
        for (ServiceConfig c : configs) {
            Map<String, String> p = c.properties();
            if (!"true".equals(p.getOrDefault("quarkus.management.enabled", "false").trim())) {
                violations.add(c.service() + ": quarkus.management.enabled is not true: health, metrics and OpenAPI would be"
                        + " served on the API port, where the Ingress routes");
                continue;
            }
            String port = p.get("quarkus.management.port");
            if (port == null || !port.trim().matches("\\d+")) {
                violations.add(c.service() + ": quarkus.management.port " + port + " is not a fixed port (probes and"
                        + " the NetworkPolicies name it)");
            } else if (port.trim().equals(String.valueOf(p.get("quarkus.http.port")).trim())) {
                violations.add(c.service() + ": quarkus.management.port " + port + " is its HTTP port");
            }
        }
        return violations;
    }

    /** The management port of an application: its configuration's quarkus.management.port, or -1. */
    static int configuredPort(ServiceConfig c) {
        String port = c == null ? null : c.properties().get("quarkus.management.port");
        return port != null && port.trim().matches("\\d+") ? Integer.parseInt(port.trim()) : -1;
    }

    /**
     * Each application's Deployment declares the management port (named "management") and probes
     * health there; the Prometheus annotations, where present, name it too.
     */
    static List<String> probesAndPorts(List<K8sObject> objects, Collection<ServiceConfig> configs) {
        Map<String, ServiceConfig> byService = new LinkedHashMap<>();
        configs.forEach(c -> byService.put(c.service(), c));
        List<String> violations = new ArrayList<>();
        for (K8sObject d : applications(objects)) {
            ServiceConfig config = byService.get(d.name());
            int expected = configuredPort(config);
            for (Object c : d.list("spec", "template", "spec", "containers")) {
                Map<String, Integer> named = namedPorts(c);
                Integer declared = named.get(PORT_NAME);
                if (declared == null) {
                    violations.add(d.id() + ": container " + Nodes.at(c, "name") + " declares no port named " + PORT_NAME);
                    continue;
                }
                if (config != null && declared != expected) {
                    violations.add(d.id() + ": port " + PORT_NAME + " is " + declared + ", its configuration's"
                            + " quarkus.management.port " + expected);
                }
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    Object port = Nodes.at(c, probe, "httpGet", "port");
                    Integer resolved = port instanceof Number n ? Integer.valueOf(n.intValue()) : named.get(String.valueOf(port));
                    if (!declared.equals(resolved)) {
                        violations.add(d.id() + ": " + probe + " on port " + port + ", not the management port " + declared);
                    }
                }
            }
            Object annotated = d.stringMap("spec", "template", "metadata", "annotations").get("prometheus.io/port");
            int management = managementPort(d);
            if (annotated != null && !annotated.equals(String.valueOf(management))) {
                violations.add(d.id() + ": prometheus.io/port " + annotated + " is not the management port " + management);
            }
        }
        return violations;
    }

    /**
     * Ingresses route the gateway's public prefixes only, and nothing to a management port (by the
     * Service port's name or its target).
     */
    static List<String> ingresses(List<K8sObject> objects) {
        OperatorModel model = OperatorModel.of(objects);
        List<String> violations = new ArrayList<>();
        for (K8sObject i : RenderedValues.kind(objects, "Ingress")) {
            for (Object rule : i.list("spec", "rules")) {
                for (Object path : Nodes.list(Nodes.at(rule, "http", "paths"))) {
                    String backend = String.valueOf(Nodes.at(path, "backend", "service", "name"));
                    String p = String.valueOf(Nodes.at(path, "path"));
                    String type = String.valueOf(Nodes.at(path, "pathType"));
                    if ("gateway".equals(backend) && (!PUBLIC_GATEWAY_PATHS.contains(p) || !"Prefix".equals(type))) {
                        violations.add(i.id() + ": routes " + p + " (" + type + ") to the gateway; only the Prefix paths "
                                + PUBLIC_GATEWAY_PATHS + " are public (health, metrics and OpenAPI UI never are)");
                    }
                    Integer target = targetContainerPort(objects, model, backend, Nodes.at(path, "backend", "service", "port"));
                    if (target != null && managementPorts(objects).contains(target)) {
                        violations.add(i.id() + ": routes " + p + " to " + backend + "'s management port " + target);
                    }
                    if (target != null && target == KEYCLOAK_MANAGEMENT_PORT && backend.endsWith("-service")
                            && RenderedValues.kind(objects, "Keycloak").stream().anyMatch(k -> (k.name() + "-service").equals(backend))) {
                        violations.add(i.id() + ": routes " + p + " to Keycloak's management port " + target);
                    }
                }
            }
        }
        return violations;
    }

    static final int KEYCLOAK_MANAGEMENT_PORT = 9000;

    /**
     * From outside the namespace, a management port admits only the monitoring namespace, and every
     * application's management port admits it (Prometheus scrapes /q/metrics).
     */
    static List<String> networkPolicies(List<K8sObject> objects) {
        List<String> violations = new ArrayList<>();
        List<K8sObject> policies = RenderedValues.kind(objects, "NetworkPolicy");
        for (K8sObject d : applications(objects)) {
            Map<String, String> labels = d.stringMap("spec", "template", "metadata", "labels");
            int management = managementPort(d);
            Map<String, Integer> named = new LinkedHashMap<>();
            d.list("spec", "template", "spec", "containers").forEach(c -> named.putAll(namedPorts(c)));
            boolean scraped = false;
            for (K8sObject p : policies) {
                if (!Selectors.selects(p.map("spec", "podSelector"), labels)) {
                    continue;
                }
                for (Object rule : p.list("spec", "ingress")) {
                    List<Object> ports = Nodes.list(Nodes.at(rule, "ports"));
                    boolean coversManagement = ports.isEmpty() || ports.stream().anyMatch(pp -> {
                        Object port = Nodes.at(pp, "port");
                        return port == null || Integer.valueOf(management).equals(port instanceof Number n ? n.intValue() : named.get(String.valueOf(port)));
                    });
                    if (!coversManagement) {
                        continue;
                    }
                    List<Object> from = Nodes.list(Nodes.at(rule, "from"));
                    if (from.isEmpty()) {
                        violations.add(p.id() + ": admits everyone to " + d.id() + "'s management port " + management);
                        continue;
                    }
                    for (Object peer : from) {
                        boolean outside = Nodes.at(peer, "namespaceSelector") != null || Nodes.at(peer, "ipBlock") != null;
                        if (!outside) {
                            continue; // within the namespace: NetworkReachability admits only what configurations name
                        }
                        if (isMonitoring(peer)) {
                            scraped = true;
                        } else {
                            violations.add(p.id() + ": admits " + Yaml.toJson(peer) + " to " + d.id() + "'s management port "
                                    + management + "; only the " + MONITORING_NAMESPACE + " namespace may reach it from outside");
                        }
                    }
                }
            }
            if (!scraped) {
                violations.add(d.id() + ": no NetworkPolicy admits the " + MONITORING_NAMESPACE + " namespace to its management port "
                        + management + " (Prometheus could not scrape /q/metrics)");
            }
        }
        return violations;
    }

    /** A peer that is exactly the monitoring namespace (any pod of it), no address block. */
    static boolean isMonitoring(Object peer) {
        Map<String, Object> namespaces = Nodes.map(Nodes.at(peer, "namespaceSelector"));
        return Nodes.at(peer, "ipBlock") == null && Nodes.list(namespaces.get("matchExpressions")).isEmpty()
                && Map.of(NAMESPACE_LABEL, MONITORING_NAMESPACE).equals(Nodes.stringMap(namespaces.get("matchLabels")));
    }

    /** Whether an ingress rule admits only the monitoring namespace, and only on management ports. */
    static boolean monitoringOnly(Object rule, List<K8sObject> objects) {
        List<Object> from = Nodes.list(Nodes.at(rule, "from"));
        List<Object> ports = Nodes.list(Nodes.at(rule, "ports"));
        List<Integer> management = managementPorts(objects);
        return !from.isEmpty() && from.stream().allMatch(ManagementExposure::isMonitoring) && !ports.isEmpty()
                && ports.stream().allMatch(pp -> {
                    Object port = Nodes.at(pp, "port");
                    return PORT_NAME.equals(port) || port instanceof Number n && management.contains(n.intValue());
                });
    }

    static List<K8sObject> applications(List<K8sObject> objects) {
        return RenderedValues.deployments(objects).stream()
                .filter(d -> "quarkus".equals(d.labels().get("app.kubernetes.io/managed-by"))).toList();
    }

    static int managementPort(K8sObject d) {
        for (Object c : d.list("spec", "template", "spec", "containers")) {
            Integer port = namedPorts(c).get(PORT_NAME);
            if (port != null) {
                return port;
            }
        }
        return -1;
    }

    static List<Integer> managementPorts(List<K8sObject> objects) {
        return applications(objects).stream().map(ManagementExposure::managementPort).filter(p -> p > 0).toList();
    }

    private static Map<String, Integer> namedPorts(Object container) {
        Map<String, Integer> named = new LinkedHashMap<>();
        for (Object p : Nodes.list(Nodes.at(container, "ports"))) {
            if (Nodes.at(p, "name") != null && Nodes.at(p, "containerPort") instanceof Number n) {
                named.put(String.valueOf(Nodes.at(p, "name")), n.intValue());
            }
        }
        return named;
    }

    /** The container port an Ingress backend (Service name, port number or name) reaches, or null. */
    private static Integer targetContainerPort(List<K8sObject> objects, OperatorModel model, String serviceName, Object port) {
        OperatorModel.Service service = model.services.get(serviceName);
        if (service == null) {
            return null;
        }
        Integer number = Nodes.at(port, "number") instanceof Number n ? Integer.valueOf(n.intValue())
                : service.namedPorts().get(String.valueOf(Nodes.at(port, "name")));
        if (number == null) {
            return null;
        }
        Object target = service.ports().get(number);
        if (target instanceof Number t) {
            return t.intValue();
        }
        K8sObject declared = objects.stream().filter(o -> o.is("Service") && o.name().equals(serviceName)).findFirst().orElse(null);
        if (declared == null) {
            return number;
        }
        Map<String, String> selector = declared.stringMap("spec", "selector");
        return model.pods.stream().filter(p -> Selectors.selectsPlain(selector, p.labels()))
                .map(p -> p.namedPorts().get(String.valueOf(target))).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}

package com.privacyplatform.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the rendered NetworkPolicies like a CNI would (within the namespace): the paths the
 * services need - derived from their configuration - are open, and nothing else between them:
 * only the gateway calls services, each service reaches only its own database, only the gateway
 * is reachable from outside the namespace.
 */
final class NetworkReachability {

    private static final Pattern URL = Pattern.compile("^(?:jdbc:)?[a-z][a-z0-9+.-]*://([^/:?#]+)(?::(\\d+))?.*$");

    private final List<K8sObject> policies;
    private final OperatorModel model;

    private NetworkReachability(List<K8sObject> objects) {
        this.policies = objects.stream().filter(o -> o.is("NetworkPolicy")).toList();
        this.model = OperatorModel.of(objects);
    }

    /** A connection a pod needs: to pods (by Service) on a container port. */
    record Path(String from, Map<String, String> fromLabels, String to, Map<String, String> toLabels, int port) {
        @Override
        public String toString() {
            return from + " -> " + to + ":" + port;
        }
    }

    static List<String> requiredPathsAreOpen(List<K8sObject> objects) {
        NetworkReachability n = new NetworkReachability(objects);
        List<String> violations = new ArrayList<>();
        for (Path p : n.requiredPaths(objects, violations).stream().distinct().toList()) {
            if (!n.allowed(p.fromLabels(), p.toLabels(), p.port())) {
                violations.add("the NetworkPolicies block " + p + ", which its configuration needs");
            }
        }
        return violations;
    }

    /**
     * Nothing a service's configuration does not name is open from it: it calls only the services
     * its URLs name (the gateway its backends, consent-service the registry, privacy-center its
     * three), reaches only its own database, and RabbitMQ and Keycloak only when it uses them.
     */
    static List<String> nothingElseIsOpen(List<K8sObject> objects) {
        NetworkReachability n = new NetworkReachability(objects);
        List<String> violations = new ArrayList<>();
        List<Path> required = n.requiredPaths(objects, new ArrayList<>());
        for (K8sObject from : objects.stream().filter(o -> o.is("Deployment")).toList()) {
            Map<String, String> fromLabels = from.stringMap("spec", "template", "metadata", "labels");
            for (OperatorModel.Pods to : n.model.pods) {
                if (to.origin().equals(from.id()) || to.labels().equals(fromLabels)) {
                    continue;
                }
                for (Integer port : to.ports()) {
                    boolean needed = required.stream().anyMatch(p -> p.from().equals(from.id()) && p.toLabels().equals(to.labels())
                            && p.port() == port);
                    if (needed || !n.allowed(fromLabels, to.labels(), port)) {
                        continue;
                    }
                    String cluster = to.labels().get("cnpg.io/cluster");
                    if (cluster != null) {
                        violations.add("the NetworkPolicies let " + from.id() + " reach Cluster/" + cluster + ":" + port
                                + ", not its database");
                    } else if (to.origin().startsWith("Deployment/")) {
                        violations.add("the NetworkPolicies let " + from.id() + " call " + to.origin() + ":" + port
                                + " (its configuration names no URL of it)");
                    } else {
                        violations.add("the NetworkPolicies let " + from.id() + " reach " + to.origin() + ":" + port
                                + ", which its configuration does not name");
                    }
                }
            }
        }
        return violations.stream().distinct().toList();
    }

    /**
     * Only the gateway's pods admit traffic from outside the namespace (the ingress controller) -
     * and Keycloak's, on its HTTP port from the ingress controller's namespace only, exactly when
     * an Ingress routes to it (components/public-auth).
     */
    static List<String> onlyTheGatewayIsReachableFromOutside(List<K8sObject> objects) {
        OperatorModel model = OperatorModel.of(objects);
        List<String> violations = new ArrayList<>();
        boolean gatewayOpen = false;
        boolean keycloakOpen = false;
        List<String> keycloakServices = objects.stream().filter(o -> o.is("Keycloak")).map(o -> o.name() + "-service").toList();
        boolean keycloakIngress = objects.stream().filter(o -> o.is("Ingress")).anyMatch(i -> i.list("spec", "rules").stream()
                .flatMap(r -> Nodes.list(Nodes.at(r, "http", "paths")).stream())
                .anyMatch(p -> keycloakServices.contains(String.valueOf(Nodes.at(p, "backend", "service", "name")))));
        for (K8sObject p : objects.stream().filter(o -> o.is("NetworkPolicy")).toList()) {
            for (Object rule : p.list("spec", "ingress")) {
                List<Object> from = Nodes.list(Nodes.at(rule, "from"));
                boolean outside = from.isEmpty() || from.stream().anyMatch(peer -> Nodes.at(peer, "namespaceSelector") != null
                        || Nodes.at(peer, "ipBlock") != null);
                if (!outside || ManagementExposure.monitoringOnly(rule, objects)) {
                    continue; // Prometheus on the management ports: ManagementExposure checks those rules
                }
                for (K8sObject d : objects.stream().filter(o -> o.is("Deployment")).toList()) {
                    if (Selectors.selects(p.map("spec", "podSelector"), d.stringMap("spec", "template", "metadata", "labels"))) {
                        if (d.name().equals("gateway")) {
                            gatewayOpen = true;
                        } else {
                            violations.add(p.id() + ": admits traffic from outside the namespace to " + d.id());
                        }
                    }
                }
                boolean selectsKeycloak = model.pods.stream().anyMatch(pods -> "keycloak".equals(pods.labels().get("app"))
                        && Selectors.selects(p.map("spec", "podSelector"), pods.labels()));
                if (!selectsKeycloak) {
                    continue;
                }
                List<Object> ports = Nodes.list(Nodes.at(rule, "ports"));
                // its HTTP port, or its HTTPS port where Keycloak serves TLS inside the cluster (prod)
                boolean onlyHttp = !ports.isEmpty() && ports.stream().allMatch(pp -> Integer.valueOf(8080).equals(Nodes.at(pp, "port"))
                        || Integer.valueOf(8443).equals(Nodes.at(pp, "port")));
                boolean onlyNamespaces = !from.isEmpty() && from.stream().allMatch(peer -> Nodes.at(peer, "namespaceSelector") != null
                        && Nodes.at(peer, "ipBlock") == null && !Selectors.isEmpty(Nodes.map(Nodes.at(peer, "namespaceSelector"))));
                if (!keycloakIngress) {
                    violations.add(p.id() + ": admits traffic from outside the namespace to Keycloak, which no Ingress exposes");
                } else if (!onlyHttp || !onlyNamespaces) {
                    violations.add(p.id() + ": admits traffic from outside to Keycloak beyond the ingress controller's namespace on its HTTP(S) port");
                } else {
                    keycloakOpen = true;
                }
            }
        }
        if (!gatewayOpen) {
            violations.add("no NetworkPolicy admits the ingress controller to the gateway");
        }
        if (keycloakIngress && !keycloakOpen) {
            violations.add("an Ingress routes to Keycloak, but no NetworkPolicy admits the ingress controller to it");
        }
        return violations;
    }

    private List<Path> requiredPaths(List<K8sObject> objects, List<String> violations) {
        List<Path> paths = new ArrayList<>();
        List<String> called = new ArrayList<>();
        for (K8sObject d : objects.stream().filter(o -> o.is("Deployment")).toList()) {
            Map<String, String> labels = d.stringMap("spec", "template", "metadata", "labels");
            Map<String, String> env = env(objects, d);
            List<String> hosts = new ArrayList<>();
            for (String value : env.values()) {
                Matcher m = URL.matcher(value);
                if (m.matches()) {
                    hosts.add(m.group(1) + ":" + (m.group(2) == null ? (value.startsWith("https") ? "443" : "80") : m.group(2)));
                }
            }
            if (env.get("RABBITMQ_HOST") != null) {
                hosts.add(env.get("RABBITMQ_HOST") + ":" + env.getOrDefault("RABBITMQ_PORT", "5672"));
            }
            for (String hostPort : hosts) {
                String host = hostPort.substring(0, hostPort.indexOf(':'));
                int port = Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
                OperatorModel.Service service = model.services.get(host);
                if (service == null || !service.ports().containsKey(port)) {
                    continue; // reported by CrossReferences
                }
                Object target = service.ports().get(port);
                for (OperatorModel.Pods pods : podsOf(objects, host)) {
                    int containerPort = target instanceof Number t ? t.intValue()
                            : pods.namedPorts().getOrDefault(String.valueOf(target), port);
                    paths.add(new Path(d.id(), labels, host, pods.labels(), containerPort));
                    // reading its OpenAPI on the management port (the gateway) is no call of its API
                    if (!Integer.valueOf(containerPort).equals(pods.namedPorts().get(ManagementExposure.PORT_NAME))) {
                        called.add(host);
                    }
                }
            }
        }
        for (K8sObject s : objects.stream().filter(o -> o.is("Service")).toList()) {
            if (!s.name().equals("gateway") && "quarkus".equals(s.labels().get("app.kubernetes.io/managed-by")) && !called.contains(s.name())) {
                violations.add(s.id() + ": no service's configuration calls it (the gateway's <NAME>_URL is missing)");
            }
        }
        return paths;
    }

    /** The pods behind a Service name: declared Services by selector, operator Services by model. */
    private List<OperatorModel.Pods> podsOf(List<K8sObject> objects, String service) {
        K8sObject declared = objects.stream().filter(o -> o.is("Service") && o.name().equals(service)).findFirst().orElse(null);
        if (declared != null) {
            Map<String, String> selector = declared.stringMap("spec", "selector");
            return model.pods.stream().filter(p -> Selectors.selectsPlain(selector, p.labels())).toList();
        }
        String origin = model.services.get(service).origin();
        return model.pods.stream().filter(p -> p.origin().equals(origin)).toList();
    }

    private Map<String, String> env(List<K8sObject> objects, K8sObject deployment) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object c : deployment.list("spec", "template", "spec", "containers")) {
            for (Object from : Nodes.list(Nodes.at(c, "envFrom"))) {
                String name = String.valueOf(Nodes.at(from, "configMapRef", "name"));
                objects.stream().filter(o -> o.is("ConfigMap") && o.name().equals(name)).forEach(cm -> env.putAll(cm.stringMap("data")));
            }
            for (Object e : Nodes.list(Nodes.at(c, "env"))) {
                if (Nodes.at(e, "value") != null) {
                    env.put(String.valueOf(Nodes.at(e, "name")), String.valueOf(Nodes.at(e, "value")));
                }
            }
        }
        return env;
    }

    private static List<Object> containerPorts(K8sObject d) {
        List<Object> ports = new ArrayList<>();
        for (Object c : d.list("spec", "template", "spec", "containers")) {
            for (Object p : Nodes.list(Nodes.at(c, "ports"))) {
                ports.add(((Number) Nodes.at(p, "containerPort")).intValue());
            }
        }
        return ports;
    }

    /** Whether traffic from pods with these labels to pods with those labels on a port is allowed. */
    boolean allowed(Map<String, String> from, Map<String, String> to, int port) {
        return direction(from, to, port, "Egress", "egress", "to", from) && direction(from, to, port, "Ingress", "ingress", "from", to);
    }

    private boolean direction(Map<String, String> from, Map<String, String> to, int port, String type, String rules, String peers,
            Map<String, String> subject) {
        List<K8sObject> isolating = policies.stream().filter(p -> Selectors.selects(p.map("spec", "podSelector"), subject)
                && types(p).contains(type)).toList();
        if (isolating.isEmpty()) {
            return true;
        }
        Map<String, String> other = subject == from ? to : from;
        for (K8sObject p : isolating) {
            for (Object rule : p.list("spec", rules)) {
                List<Object> peerList = Nodes.list(Nodes.at(rule, peers));
                boolean peerMatches = peerList.isEmpty() || peerList.stream().anyMatch(peer -> Nodes.at(peer, "podSelector") != null
                        && Nodes.at(peer, "namespaceSelector") == null && Selectors.selects(Nodes.map(Nodes.at(peer, "podSelector")), other));
                List<Object> ports = Nodes.list(Nodes.at(rule, "ports"));
                boolean portMatches = ports.isEmpty() || ports.stream().anyMatch(pp -> Nodes.at(pp, "port") instanceof Number n && n.intValue() == port);
                if (peerMatches && portMatches) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Object> types(K8sObject policy) {
        List<Object> types = policy.list("spec", "policyTypes");
        if (!types.isEmpty()) {
            return types;
        }
        return policy.at("spec", "egress") != null ? List.of("Ingress", "Egress") : List.of("Ingress");
    }
}

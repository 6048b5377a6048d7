package com.privacyplatform.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What exists in the namespace once the manifests are applied: the declared objects plus what the
 * operators generate from the custom resources (Secrets, Services, pods and their labels and
 * ports), plus the few Secrets the cluster's operator creates by hand (README, "Secrets you
 * create"). The operators' naming rules are those of CloudNativePG 1.30, RabbitMQ Cluster Operator
 * 2.22 / Messaging Topology Operator 1.20 and Keycloak Operator 26.0.
 */
final class OperatorModel {

    /** A Secret or ConfigMap that will exist; keys == null when its keys are not known. */
    record Source(String kind, String name, Set<String> keys, String origin) {
    }

    /** Pods that will run: their labels and container ports (numbers and names). */
    record Pods(String origin, Map<String, String> labels, Set<Integer> ports, Map<String, Integer> namedPorts) {
    }

    /** A Service that will exist and its ports (port -> targetPort). */
    record Service(String name, Map<Integer, Object> ports, Map<String, Integer> namedPorts, String origin) {
    }

    /** Secrets created by the cluster's operator (a person) before applying; k8s/README.md lists them. */
    static Map<String, Set<String>> prerequisiteSecrets() {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        secrets.put("backup-object-store", Set.of("ACCESS_KEY_ID", "ACCESS_SECRET_KEY"));
        secrets.put(RealmImport.SECRET, new LinkedHashSet<>(RealmImport.secretKeys()));
        // dev only: the demo identities' secrets and passwords (overlays/dev/patches/realm-demo.yaml)
        secrets.put(RealmImport.DEMO_SECRET, new LinkedHashSet<>(RealmImport.demoSecretKeys()));
        secrets.put("gateway-tls", Set.of("tls.crt", "tls.key"));
        secrets.put("consent-receipt-keys", Set.of("jwks.json"));
        secrets.put("dsr-export-key", Set.of("key", "key-id", "previous-keys", "fingerprint-key-id"));
        secrets.put("dsr-attestation-keys", Set.of("jwks.json"));
        secrets.put("privacy-center-session", Set.of("secret"));
        for (String service : List.of("partner-registry-service", "consent-service", "dsr-service", "breach-service")) {
            secrets.put(service + "-audit-checkpoint-key", Set.of("signing-key", "public-key"));
        }
        for (String service : List.of("partner-registry-service", "consent-service", "breach-service")) {
            secrets.put(service + "-idempotency-key", Set.of("key", "previous-keys"));
        }
        return secrets;
    }

    static final Set<String> CNPG_APP_KEYS = Set.of("username", "password", "host", "port", "dbname", "user",
            "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri", "pgpass");

    final Map<String, Source> sources = new LinkedHashMap<>();
    final List<Pods> pods = new ArrayList<>();
    final Map<String, Service> services = new LinkedHashMap<>();

    static OperatorModel of(List<K8sObject> objects) {
        OperatorModel m = new OperatorModel();
        prerequisiteSecrets().forEach((name, keys) -> m.source("Secret", name, keys, "created before applying (k8s/README.md)"));
        for (K8sObject o : objects) {
            switch (o.kind()) {
                case "ConfigMap", "Secret" -> {
                    Set<String> keys = new LinkedHashSet<>(o.map("data").keySet());
                    keys.addAll(o.map("binaryData").keySet());
                    keys.addAll(o.map("stringData").keySet());
                    m.source(o.kind(), o.name(), keys, "declared");
                }
                case "Deployment", "StatefulSet", "Job" -> m.podTemplate(o);
                case "Service" -> m.declaredService(o);
                case "Cluster" -> m.cnpgCluster(o);
                case "RabbitmqCluster" -> m.rabbitmqCluster(o);
                case "User" -> m.source("Secret", o.name() + "-user-credentials", Set.of("username", "password"),
                        "RabbitMQ User " + o.name());
                case "Keycloak" -> m.keycloak(o);
                // cert-manager writes the certificate, its key and the issuing CA's certificate
                case "Certificate" -> m.source("Secret", o.string("spec", "secretName"), Set.of("tls.crt", "tls.key", "ca.crt"),
                        "cert-manager " + o.id());
                case "KeycloakRealmImport" -> m.pods.add(new Pods("realm import Job of " + o.id(), Map.of(
                        "app", "keycloak-realm-import",
                        "app.kubernetes.io/instance", String.valueOf(o.string("spec", "keycloakCRName")),
                        "app.kubernetes.io/managed-by", "keycloak-operator"), Set.of(), Map.of()));
                case "Ingress" -> {
                    if (o.stringMap("metadata", "annotations").keySet().stream().anyMatch(k -> k.startsWith("cert-manager.io/"))) {
                        m.pods.add(new Pods("cert-manager HTTP-01 solver for " + o.id(),
                                Map.of("acme.cert-manager.io/http01-solver", "true"), Set.of(8089), Map.of()));
                        for (Object tls : o.list("spec", "tls")) {
                            Object secret = Nodes.at(tls, "secretName");
                            if (secret != null) {
                                m.source("Secret", secret.toString(), Set.of("tls.crt", "tls.key", "ca.crt"),
                                        "cert-manager, for " + o.id());
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        return m;
    }

    private void source(String kind, String name, Set<String> keys, String origin) {
        sources.putIfAbsent(kind + "/" + name, new Source(kind, name, keys, origin));
    }

    Source find(String kind, String name) {
        return sources.get(kind + "/" + name);
    }

    private void podTemplate(K8sObject o) {
        Set<Integer> ports = new LinkedHashSet<>();
        Map<String, Integer> named = new LinkedHashMap<>();
        for (Object c : o.list("spec", "template", "spec", "containers")) {
            for (Object p : Nodes.list(Nodes.at(c, "ports"))) {
                Object number = Nodes.at(p, "containerPort");
                if (number instanceof Number n) {
                    ports.add(n.intValue());
                    Object name = Nodes.at(p, "name");
                    if (name != null) {
                        named.put(name.toString(), n.intValue());
                    }
                }
            }
        }
        pods.add(new Pods(o.id(), o.stringMap("spec", "template", "metadata", "labels"), ports, named));
    }

    private void declaredService(K8sObject o) {
        Map<Integer, Object> ports = new LinkedHashMap<>();
        Map<String, Integer> named = new LinkedHashMap<>();
        for (Object p : o.list("spec", "ports")) {
            if (Nodes.at(p, "port") instanceof Number n) {
                Object target = Nodes.at(p, "targetPort");
                ports.put(n.intValue(), target == null ? n.intValue() : target);
                Object name = Nodes.at(p, "name");
                if (name != null) {
                    named.put(name.toString(), n.intValue());
                }
            }
        }
        services.put(o.name(), new Service(o.name(), ports, named, "declared"));
    }

    private void operatorService(String name, String origin, int... ports) {
        Map<Integer, Object> p = new LinkedHashMap<>();
        for (int port : ports) {
            p.put(port, port);
        }
        services.putIfAbsent(name, new Service(name, p, Map.of(), origin));
    }

    private void cnpgCluster(K8sObject o) {
        String name = o.name();
        String origin = "CloudNativePG " + o.id();
        source("Secret", name + "-app", CNPG_APP_KEYS, origin);
        source("Secret", name + "-ca", null, origin);
        source("Secret", name + "-server", null, origin);
        source("Secret", name + "-replication", null, origin);
        if (Boolean.TRUE.equals(o.at("spec", "enableSuperuserAccess"))) {
            source("Secret", name + "-superuser", CNPG_APP_KEYS, origin);
        }
        for (String suffix : List.of("-rw", "-ro", "-r")) {
            operatorService(name + suffix, origin, 5432);
        }
        pods.add(new Pods(origin, Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"),
                Set.of(5432, 8000, 9187), Map.of("postgresql", 5432, "status", 8000, "metrics", 9187)));
        pods.add(new Pods(origin + " (jobs)", Map.of("cnpg.io/cluster", name, "cnpg.io/jobRole", "initdb"),
                Set.of(), Map.of()));
    }

    private void rabbitmqCluster(K8sObject o) {
        String name = o.name();
        String origin = "RabbitMQ " + o.id();
        source("Secret", name + "-default-user", Set.of("username", "password", "host", "port", "provider", "type",
                "default_user.conf", "connection_string"), origin);
        source("Secret", name + "-erlang-cookie", Set.of(".erlang.cookie"), origin);
        operatorService(name + "-nodes", origin, 4369, 25672);
        if (o.at("spec", "tls", "secretName") == null) {
            operatorService(name, origin, 5672, 15672, 15692);
            pods.add(new Pods(origin, Map.of("app.kubernetes.io/name", name, "app.kubernetes.io/component", "rabbitmq",
                    "app.kubernetes.io/part-of", "rabbitmq"), Set.of(5672, 15672, 15692, 4369, 25672),
                    Map.of("amqp", 5672, "management", 15672, "prometheus", 15692, "epmd", 4369, "cluster-rpc", 25672)));
        } else {
            // spec.tls: the operator adds the TLS listeners (AMQPS, management and Prometheus over TLS)
            operatorService(name, origin, 5672, 15672, 15692, 5671, 15671, 15691);
            pods.add(new Pods(origin, Map.of("app.kubernetes.io/name", name, "app.kubernetes.io/component", "rabbitmq",
                    "app.kubernetes.io/part-of", "rabbitmq"), Set.of(5672, 15672, 15692, 5671, 15671, 15691, 4369, 25672),
                    Map.of("amqp", 5672, "management", 15672, "prometheus", 15692, "amqps", 5671, "management-tls", 15671,
                            "prometheus-tls", 15691, "epmd", 4369, "cluster-rpc", 25672)));
        }
    }

    private void keycloak(K8sObject o) {
        String name = o.name();
        String origin = "Keycloak operator " + o.id();
        // the Keycloak Operator itself runs in the namespace it watches (k8s/README.md, apply order)
        if (pods.stream().noneMatch(p -> "keycloak-operator".equals(p.labels().get("app.kubernetes.io/name")))) {
            pods.add(new Pods("Keycloak Operator deployment", Map.of("app.kubernetes.io/name", "keycloak-operator"),
                    Set.of(8080), Map.of("http", 8080)));
        }
        source("Secret", name + "-initial-admin", Set.of("username", "password"), origin);
        if (Boolean.TRUE.equals(o.at("spec", "http", "httpEnabled"))) {
            operatorService(name + "-service", origin, 8080, 8443, 9000);
        } else {
            operatorService(name + "-service", origin, 8443, 9000);
        }
        operatorService(name + "-discovery", origin, 7800);
        pods.add(new Pods(origin, Map.of("app", "keycloak", "app.kubernetes.io/instance", name,
                "app.kubernetes.io/managed-by", "keycloak-operator"), Set.of(8080, 8443, 9000, 7800, 57800),
                Map.of("http", 8080, "https", 8443, "management", 9000)));
    }
}

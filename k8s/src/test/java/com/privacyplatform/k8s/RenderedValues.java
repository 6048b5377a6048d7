package com.privacyplatform.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values asserted on the rendered output, because a kustomize patch whose target matches nothing
 * is silently ignored: replica counts, the security context and resources of every container,
 * image tags, probes, service accounts, exposure, backups and autoscaling.
 */
final class RenderedValues {

    /** What an overlay must render to. */
    record Expectations(String overlay, int minServiceReplicas, int maxServiceReplicas, int postgresInstances,
            int rabbitmqReplicas, int minKeycloakInstances, int maxKeycloakInstances, boolean autoscaled,
            boolean pinnedImages, boolean localOnlyClients) {
    }

    static final Map<String, Expectations> OVERLAYS = Map.of(
            "dev", new Expectations("dev", 1, 1, 1, 1, 1, 1, false, false, true),
            "prod", new Expectations("prod", 2, Integer.MAX_VALUE, 3, 3, 2, Integer.MAX_VALUE, true, true, false));

    /** The databases the platform needs, one per service and Keycloak's. */
    static final Set<String> DATABASES = Set.of("partner_registry", "consent", "dsr", "breach", "gateway", "keycloak");

    private static final Pattern PINNED = Pattern.compile(".+(:\\d+\\.\\d+\\.\\d+|@sha256:[0-9a-f]{64})$");

    private RenderedValues() {
    }

    static List<String> check(List<K8sObject> objects, Expectations expected) {
        List<String> violations = new ArrayList<>();
        violations.addAll(replicas(objects, expected));
        violations.addAll(containers(objects));
        violations.addAll(images(objects, expected.pinnedImages()));
        violations.addAll(serviceAccounts(objects));
        violations.addAll(exposure(objects));
        violations.addAll(infrastructure(objects));
        violations.addAll(autoscaling(objects, expected.autoscaled()));
        violations.addAll(realmClients(objects, expected.localOnlyClients()));
        return violations;
    }

    /**
     * The realm's local-only clients (privacy-cli, password grant) exist only where the overlay
     * allows them, and then exactly as in infra/keycloak/realm-privacy.json.
     */
    static List<String> realmClients(List<K8sObject> objects, boolean allowed) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> local = Yaml.readJsonObject(RealmImport.source());
        for (K8sObject realmImport : kind(objects, "KeycloakRealmImport")) {
            for (Object client : realmImport.list("spec", "realm", "clients")) {
                Object clientId = Nodes.at(client, "clientId");
                if (!RealmImport.LOCAL_ONLY_CLIENTS.contains(String.valueOf(clientId))) {
                    continue;
                }
                if (!allowed) {
                    violations.add(realmImport.id() + ": has the local-only client " + clientId);
                } else if (Nodes.list(local.get("clients")).stream().noneMatch(c -> c.equals(client))) {
                    violations.add(realmImport.id() + ": client " + clientId + " differs from infra/keycloak/realm-privacy.json");
                }
            }
        }
        return violations;
    }

    static List<K8sObject> deployments(List<K8sObject> objects) {
        return objects.stream().filter(o -> o.is("Deployment")).toList();
    }

    static List<String> replicas(List<K8sObject> objects, Expectations e) {
        List<String> violations = new ArrayList<>();
        for (K8sObject d : deployments(objects)) {
            int replicas = d.at("spec", "replicas") instanceof Number n ? n.intValue() : 1;
            if (replicas < e.minServiceReplicas() || replicas > e.maxServiceReplicas()) {
                violations.add(d.id() + ": " + replicas + " replicas in " + e.overlay() + ", expected "
                        + range(e.minServiceReplicas(), e.maxServiceReplicas()));
            }
        }
        for (K8sObject c : kind(objects, "Cluster")) {
            if (!(c.at("spec", "instances") instanceof Number n) || n.intValue() != e.postgresInstances()) {
                violations.add(c.id() + ": " + c.at("spec", "instances") + " PostgreSQL instances in " + e.overlay()
                        + ", expected " + e.postgresInstances());
            }
        }
        for (K8sObject r : kind(objects, "RabbitmqCluster")) {
            if (!(r.at("spec", "replicas") instanceof Number n) || n.intValue() != e.rabbitmqReplicas()) {
                violations.add(r.id() + ": " + r.at("spec", "replicas") + " RabbitMQ nodes in " + e.overlay()
                        + ", expected " + e.rabbitmqReplicas());
            }
        }
        for (K8sObject k : kind(objects, "Keycloak")) {
            int n = k.at("spec", "instances") instanceof Number i ? i.intValue() : 1;
            if (n < e.minKeycloakInstances() || n > e.maxKeycloakInstances()) {
                violations.add(k.id() + ": " + n + " Keycloak instances in " + e.overlay() + ", expected "
                        + range(e.minKeycloakInstances(), e.maxKeycloakInstances()));
            }
        }
        return violations;
    }

    private static String range(int min, int max) {
        return min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + ".." + max;
    }

    /** Restricted security context, resources and probes on every container of every pod template. */
    static List<String> containers(List<K8sObject> objects) {
        List<String> violations = new ArrayList<>();
        for (K8sObject d : objects.stream().filter(o -> o.is("Deployment") || o.is("StatefulSet") || o.is("Job")).toList()) {
            Map<String, Object> pod = d.map("spec", "template", "spec");
            if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
                violations.add(d.id() + ": the pod mounts a service-account token (automountServiceAccountToken is not false)");
            }
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (Boolean.TRUE.equals(pod.get(host))) {
                    violations.add(d.id() + ": " + host + " is set");
                }
            }
            List<Object> all = new ArrayList<>(Nodes.list(pod.get("containers")));
            all.addAll(Nodes.list(pod.get("initContainers")));
            for (Object c : all) {
                String id = d.id() + " container " + Nodes.at(c, "name");
                security(id, pod, Nodes.map(c), violations);
                resources(id, Nodes.map(Nodes.at(c, "resources")), violations);
                tmp(id, pod, Nodes.map(c), violations);
            }
            if (d.is("Deployment") && "quarkus".equals(d.labels().get("app.kubernetes.io/managed-by"))) {
                probes(d, violations);
            }
        }
        for (K8sObject o : objects) {
            Map<String, Object> resources = switch (o.kind()) {
                case "Cluster", "RabbitmqCluster", "Keycloak" -> o.map("spec", "resources");
                default -> null;
            };
            if (resources != null) {
                resources(o.id(), resources, violations);
            }
        }
        return violations;
    }

    private static void security(String id, Map<String, Object> pod, Map<String, Object> c, List<String> violations) {
        Map<String, Object> sc = Nodes.map(c.get("securityContext"));
        Map<String, Object> podSc = Nodes.map(pod.get("securityContext"));
        if (sc.isEmpty()) {
            violations.add(id + ": no securityContext");
            return;
        }
        Object nonRoot = sc.containsKey("runAsNonRoot") ? sc.get("runAsNonRoot") : podSc.get("runAsNonRoot");
        if (!Boolean.TRUE.equals(nonRoot)) {
            violations.add(id + ": runAsNonRoot is not true");
        }
        if (!Boolean.TRUE.equals(sc.get("readOnlyRootFilesystem"))) {
            violations.add(id + ": readOnlyRootFilesystem is not true");
        }
        if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
            violations.add(id + ": allowPrivilegeEscalation is not false");
        }
        if (!Nodes.list(Nodes.at(sc, "capabilities", "drop")).contains("ALL")) {
            violations.add(id + ": capabilities do not drop ALL");
        }
        if (!Nodes.list(Nodes.at(sc, "capabilities", "add")).isEmpty()) {
            violations.add(id + ": capabilities are added");
        }
        Object seccomp = sc.containsKey("seccompProfile") ? Nodes.at(sc, "seccompProfile", "type")
                : Nodes.at(podSc, "seccompProfile", "type");
        if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
            violations.add(id + ": seccompProfile is not RuntimeDefault");
        }
        if (Boolean.TRUE.equals(sc.get("privileged"))) {
            violations.add(id + ": privileged");
        }
    }

    private static void resources(String id, Map<String, Object> resources, List<String> violations) {
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (Nodes.at(resources, kind, resource) == null) {
                    violations.add(id + ": no " + resource + " " + kind);
                }
            }
        }
        for (String resource : List.of("cpu", "memory")) {
            Object request = Nodes.at(resources, "requests", resource);
            Object limit = Nodes.at(resources, "limits", resource);
            if (request != null && limit != null && Quantities.parse(request) > Quantities.parse(limit)) {
                violations.add(id + ": " + resource + " request " + request + " exceeds its limit " + limit);
            }
        }
    }

    /** With a read-only root filesystem, /tmp must be a writable emptyDir. */
    private static void tmp(String id, Map<String, Object> pod, Map<String, Object> c, List<String> violations) {
        if (!Boolean.TRUE.equals(Nodes.at(c, "securityContext", "readOnlyRootFilesystem"))) {
            return;
        }
        String volume = Nodes.list(c.get("volumeMounts")).stream()
                .filter(m -> "/tmp".equals(Nodes.at(m, "mountPath")) && !Boolean.TRUE.equals(Nodes.at(m, "readOnly")))
                .map(m -> String.valueOf(Nodes.at(m, "name"))).findFirst().orElse(null);
        boolean emptyDir = volume != null && Nodes.list(pod.get("volumes")).stream()
                .anyMatch(v -> volume.equals(Nodes.at(v, "name")) && Nodes.at(v, "emptyDir") != null);
        if (!emptyDir) {
            violations.add(id + ": read-only root filesystem without a writable emptyDir on /tmp");
        }
    }

    private static void probes(K8sObject d, List<String> violations) {
        for (Object c : d.list("spec", "template", "spec", "containers")) {
            for (Map.Entry<String, String> probe : Map.of("livenessProbe", "/q/health/live", "readinessProbe",
                    "/q/health/ready", "startupProbe", "/q/health/started").entrySet()) {
                Object path = Nodes.at(c, probe.getKey(), "httpGet", "path");
                if (!probe.getValue().equals(path)) {
                    violations.add(d.id() + ": " + probe.getKey() + " is " + path + ", not " + probe.getValue());
                }
            }
        }
    }

    static List<String> images(List<K8sObject> objects, boolean pinned) {
        List<String> violations = new ArrayList<>();
        for (K8sObject o : objects) {
            List<String> images = new ArrayList<>();
            for (String list : List.of("containers", "initContainers")) {
                o.list("spec", "template", "spec", list).forEach(c -> images.add(String.valueOf(Nodes.at(c, "image"))));
            }
            switch (o.kind()) {
                case "Cluster" -> addIfSet(images, o.string("spec", "imageName"));
                case "RabbitmqCluster", "Keycloak" -> addIfSet(images, o.string("spec", "image"));
                default -> {
                }
            }
            for (String image : images) {
                String tag = image.contains("@") ? "digest" : image.substring(image.lastIndexOf('/') + 1).contains(":")
                        ? image.substring(image.lastIndexOf(':') + 1) : "";
                if (tag.isEmpty() || tag.equals("latest")) {
                    violations.add(o.id() + ": image " + image + " has no tag or :latest");
                } else if (pinned && o.group().equals("apps") && !PINNED.matcher(image).matches()) {
                    violations.add(o.id() + ": image " + image + " is not pinned to a release tag (x.y.z) or digest");
                }
            }
        }
        return violations;
    }

    private static void addIfSet(List<String> images, String image) {
        if (image != null) {
            images.add(image);
        }
    }

    /** Each Deployment has its own ServiceAccount, without a token and without any Role bound. */
    static List<String> serviceAccounts(List<K8sObject> objects) {
        List<String> violations = new ArrayList<>();
        for (K8sObject d : deployments(objects)) {
            String sa = d.string("spec", "template", "spec", "serviceAccountName");
            K8sObject account = objects.stream().filter(o -> o.is("ServiceAccount") && o.name().equals(sa)).findFirst().orElse(null);
            if (sa == null || sa.equals("default") || account == null) {
                violations.add(d.id() + ": runs as ServiceAccount " + sa + ", not one of its own declared here");
                continue;
            }
            if (!Boolean.FALSE.equals(account.at("automountServiceAccountToken"))) {
                violations.add(account.id() + ": automountServiceAccountToken is not false");
            }
            for (K8sObject binding : objects.stream().filter(o -> o.is("RoleBinding") || o.is("ClusterRoleBinding")).toList()) {
                if (binding.list("subjects").stream().anyMatch(s -> sa.equals(Nodes.at(s, "name")))) {
                    violations.add(binding.id() + ": grants API rights to ServiceAccount " + sa);
                }
            }
        }
        return violations;
    }

    /** Only the gateway is reachable from outside: one Ingress, with TLS, and nothing else exposed. */
    static List<String> exposure(List<K8sObject> objects) {
        List<String> violations = new ArrayList<>();
        List<K8sObject> ingresses = kind(objects, "Ingress");
        if (ingresses.size() != 1) {
            violations.add(ingresses.size() + " Ingresses; exactly one (the gateway's) is expected");
        }
        for (K8sObject i : ingresses) {
            for (Object rule : i.list("spec", "rules")) {
                for (Object path : Nodes.list(Nodes.at(rule, "http", "paths"))) {
                    if (!"gateway".equals(Nodes.at(path, "backend", "service", "name"))) {
                        violations.add(i.id() + ": exposes " + Nodes.at(path, "backend", "service", "name") + ", not the gateway");
                    }
                }
                Object host = Nodes.at(rule, "host");
                boolean tls = i.list("spec", "tls").stream().anyMatch(t -> Nodes.list(Nodes.at(t, "hosts")).contains(host)
                        && Nodes.at(t, "secretName") != null);
                if (!tls) {
                    violations.add(i.id() + ": host " + host + " is served without TLS");
                }
            }
        }
        for (K8sObject s : kind(objects, "Service")) {
            String type = s.string("spec", "type");
            if (type != null && !type.equals("ClusterIP")) {
                violations.add(s.id() + ": type " + type + " exposes it outside the cluster");
            }
        }
        for (K8sObject k : kind(objects, "Keycloak")) {
            if (!Boolean.FALSE.equals(k.at("spec", "ingress", "enabled"))) {
                violations.add(k.id() + ": the operator would create an Ingress (spec.ingress.enabled is not false)");
            }
        }
        for (K8sObject r : kind(objects, "RabbitmqCluster")) {
            String type = r.string("spec", "service", "type");
            if (type != null && !type.equals("ClusterIP")) {
                violations.add(r.id() + ": service type " + type + " exposes the broker");
            }
        }
        boolean defaultDeny = kind(objects, "NetworkPolicy").stream().anyMatch(p -> Selectors.isEmpty(p.map("spec", "podSelector"))
                && p.list("spec", "policyTypes").containsAll(List.of("Ingress", "Egress"))
                && p.list("spec", "ingress").isEmpty() && p.list("spec", "egress").isEmpty());
        if (!defaultDeny) {
            violations.add("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
        }
        return violations;
    }

    /** A database per service and Keycloak's, each with continuous backups; infrastructure on operators. */
    static List<String> infrastructure(List<K8sObject> objects) {
        List<String> violations = new ArrayList<>();
        List<String> databases = kind(objects, "Cluster").stream()
                .map(c -> c.string("spec", "bootstrap", "initdb", "database")).toList();
        for (String db : DATABASES) {
            if (!databases.contains(db)) {
                violations.add("no CloudNativePG Cluster holds database " + db);
            }
        }
        for (K8sObject c : kind(objects, "Cluster")) {
            boolean archived = c.list("spec", "plugins").stream().anyMatch(p -> Boolean.TRUE.equals(Nodes.at(p, "isWALArchiver"))
                    && Nodes.at(p, "parameters", "barmanObjectName") != null) || c.at("spec", "backup", "barmanObjectStore") != null;
            if (!archived) {
                violations.add(c.id() + ": no continuous WAL archiving");
            }
            if (kind(objects, "ScheduledBackup").stream().noneMatch(b -> c.name().equals(b.string("spec", "cluster", "name")))) {
                violations.add(c.id() + ": no ScheduledBackup");
            }
        }
        if (kind(objects, "RabbitmqCluster").isEmpty()) {
            violations.add("no RabbitmqCluster");
        }
        if (kind(objects, "Keycloak").isEmpty() || kind(objects, "KeycloakRealmImport").isEmpty()) {
            violations.add("no Keycloak with a KeycloakRealmImport");
        }
        return violations;
    }

    /** Autoscaled overlays: every service has an HPA (min >= 2) and a PodDisruptionBudget. */
    static List<String> autoscaling(List<K8sObject> objects, boolean expected) {
        List<String> violations = new ArrayList<>();
        List<K8sObject> hpas = kind(objects, "HorizontalPodAutoscaler");
        List<K8sObject> pdbs = kind(objects, "PodDisruptionBudget");
        for (K8sObject d : deployments(objects)) {
            K8sObject hpa = hpas.stream().filter(h -> "Deployment".equals(h.string("spec", "scaleTargetRef", "kind"))
                    && d.name().equals(h.string("spec", "scaleTargetRef", "name"))).findFirst().orElse(null);
            Map<String, String> labels = d.stringMap("spec", "template", "metadata", "labels");
            boolean budget = pdbs.stream().anyMatch(p -> Selectors.selects(p.map("spec", "selector"), labels));
            if (!expected) {
                if (hpa != null) {
                    violations.add(d.id() + ": has a HorizontalPodAutoscaler in an overlay with fixed replicas");
                }
                continue;
            }
            if (hpa == null) {
                violations.add(d.id() + ": no HorizontalPodAutoscaler");
            } else {
                int min = hpa.at("spec", "minReplicas") instanceof Number n ? n.intValue() : 1;
                int max = hpa.at("spec", "maxReplicas") instanceof Number n ? n.intValue() : 0;
                if (min < 2 || max < min) {
                    violations.add(hpa.id() + ": minReplicas " + min + " / maxReplicas " + max + ", expected 2 <= min <= max");
                }
            }
            if (!budget) {
                violations.add(d.id() + ": no PodDisruptionBudget selects its pods");
            }
        }
        return violations;
    }

    static List<K8sObject> kind(List<K8sObject> objects, String kind) {
        return objects.stream().filter(o -> o.is(kind)).toList();
    }
}

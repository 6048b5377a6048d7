package com.privacyplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check fails on a seeded error: proof that a green run means something. */
class SeededErrorsTest {

    static K8sObject find(List<K8sObject> objects, String kind, String name) {
        return objects.stream().filter(o -> o.is(kind) && o.name().startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static List<K8sObject> dev() {
        return Kustomize.overlayCopy("dev");
    }

    static List<K8sObject> prod() {
        return Kustomize.overlayCopy("prod");
    }

    static List<K8sObject> plus(List<K8sObject> objects, K8sObject extra) {
        List<K8sObject> out = new ArrayList<>(objects);
        out.add(extra);
        return out;
    }

    static List<K8sObject> without(List<K8sObject> objects, String kind, String name) {
        return objects.stream().filter(o -> !(o.is(kind) && o.name().startsWith(name))).toList();
    }

    @Nested
    class Rendering {

        @TempDir
        Path tmp;

        @Test
        void aKustomizationNamingAMissingFileDoesNotRender() throws IOException {
            Files.writeString(tmp.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");

            assertThatThrownBy(() -> Kustomize.build(tmp)).isInstanceOf(AssertionError.class).hasMessageContaining("missing.yaml");
        }

        @Test
        void aPatchWhoseTargetMatchesNothingIsCaughtByTheRenderedValues() throws IOException {
            copyTree(ModulePaths.module(), tmp, "base", "components", "overlays");
            Path kustomization = tmp.resolve("overlays/prod/kustomization.yaml");
            String prod = Files.readString(kustomization)
                    .replace("labelSelector: app.kubernetes.io/part-of=privacy-platform,", "labelSelector: app.kubernetes.io/part-of=privacy-platfrom,")
                    .replace("kind: RabbitmqCluster", "kind: RabbitMQCluster");
            Files.writeString(kustomization, prod);

            List<K8sObject> rendered = K8sObject.of(Yaml.readAll(Kustomize.build(tmp.resolve("overlays/prod"))));

            assertThat(RenderedValues.replicas(rendered, RenderedValues.OVERLAYS.get("prod")))
                    .anyMatch(v -> v.startsWith("Deployment/gateway: 1 replicas in prod"))
                    .anyMatch(v -> v.startsWith("RabbitmqCluster/privacy-rabbitmq: 1 RabbitMQ nodes in prod"));
        }

        private static void copyTree(Path from, Path to, String... dirs) throws IOException {
            for (String dir : dirs) {
                try (Stream<Path> files = Files.walk(from.resolve(dir))) {
                    for (Path f : files.toList()) {
                        Path target = to.resolve(from.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(f, target);
                        }
                    }
                }
            }
        }
    }

    @Nested
    class BuiltinKinds {

        @Test
        void anUnknownFieldDeepInADeploymentFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "Deployment", "gateway").body(), "Always", "spec", "template", "spec", "containers", "0", "imagePullPolic");

            assertThat(Schemas.validate(objects)).anyMatch(v -> v.startsWith("Deployment/gateway") && v.contains("imagePullPolic"));
        }

        @Test
        void aMissingRequiredFieldFails() {
            List<K8sObject> objects = dev();
            Nodes.remove(find(objects, "Deployment", "gateway").body(), "spec", "template", "spec", "containers", "0", "name");

            assertThat(Schemas.validate(objects)).anyMatch(v -> v.startsWith("Deployment/gateway") && v.contains("name"));
        }

        @Test
        void aWrongTypeFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "Deployment", "gateway").body(), "two", "spec", "replicas");

            assertThat(Schemas.validate(objects)).anyMatch(v -> v.startsWith("Deployment/gateway"));
        }

        @Test
        void aMalformedQuantityFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "Deployment", "partner-registry-service").body(), "abc",
                    "spec", "template", "spec", "containers", "0", "resources", "limits", "memory");

            assertThat(Schemas.validate(objects)).anyMatch(v -> v.startsWith("Deployment/partner-registry-service"));
        }

        @Test
        void anUnknownFieldInAnIngressOrNetworkPolicyFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "Ingress", "gateway").body(), "gateway-tls", "spec", "tls", "0", "secret");
            Nodes.put(find(objects, "NetworkPolicy", "gateway").body(), List.of("Ingress"), "spec", "policyType");

            assertThat(Schemas.validate(objects))
                    .anyMatch(v -> v.startsWith("Ingress/gateway") && v.contains("secret"))
                    .anyMatch(v -> v.startsWith("NetworkPolicy/gateway") && v.contains("policyType"));
        }

        @Test
        void anUnknownKindAndAnInvalidNameFail() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "ConfigMap", "gateway-config").body(), "Gateway_Config", "metadata", "name");
            objects = plus(objects, new K8sObject(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Secrett",
                    "metadata", Map.of("name", "x")))));

            assertThat(Schemas.validate(objects))
                    .anyMatch(v -> v.contains("Gateway_Config") && v.contains("not a valid Kubernetes name"))
                    .anyMatch(v -> v.startsWith("Secrett/x"));
        }
    }

    @Nested
    class CustomResources {

        @Test
        void anUnknownFieldInAClusterSpecFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "Cluster", "pg-gateway").body(), 3, "spec", "instance");

            assertThat(Schemas.validate(objects)).anyMatch(v -> v.startsWith("Cluster/pg-gateway") && v.contains("instance"));
        }

        @Test
        void aMisspeltNestedFieldFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "RabbitmqCluster", "privacy-rabbitmq").body(), "fast", "spec", "persistence", "storageClass");
            Nodes.put(find(objects, "Keycloak", "privacy-keycloak").body(), "x", "spec", "db", "usernameSecret", "nam");

            assertThat(Schemas.validate(objects))
                    .anyMatch(v -> v.startsWith("RabbitmqCluster/privacy-rabbitmq") && v.contains("storageClass"))
                    .anyMatch(v -> v.startsWith("Keycloak/privacy-keycloak") && v.contains("nam"));
        }

        @Test
        void aValueOutsideAnEnumOrOfTheWrongTypeFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "ScheduledBackup", "pg-gateway").body(), "snapshot", "spec", "method");
            Nodes.put(find(objects, "Queue", "gateway-partner-controls").body(), "yes", "spec", "durable");

            assertThat(Schemas.validate(objects))
                    .anyMatch(v -> v.startsWith("ScheduledBackup/pg-gateway-nightly") && v.contains("method"))
                    .anyMatch(v -> v.startsWith("Queue/gateway-partner-controls") && v.contains("durable"));
        }

        @Test
        void aMissingRequiredFieldFails() {
            List<K8sObject> objects = dev();
            Nodes.remove(find(objects, "Queue", "gateway-partner-controls").body(), "spec", "name");

            assertThat(Schemas.validate(objects)).anyMatch(v -> v.startsWith("Queue/gateway-partner-controls") && v.contains("name"));
        }

        @Test
        void anUnknownFieldInsideTheImportedRealmFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "KeycloakRealmImport", "privacy-realm").body(), "x", "spec", "realm", "clients", "0", "secrett");

            assertThat(Schemas.validate(objects)).anyMatch(v -> v.startsWith("KeycloakRealmImport/privacy-realm") && v.contains("secrett"));
        }

        @Test
        void aCustomKindWithoutACrdFails() {
            List<K8sObject> objects = plus(dev(), new K8sObject(new LinkedHashMap<>(Map.of("apiVersion", "rabbitmq.com/v1beta1",
                    "kind", "Shovel", "metadata", Map.of("name", "x"), "spec", Map.of()))));

            assertThat(Schemas.validate(objects)).anyMatch(v -> v.startsWith("Shovel/x"));
        }
    }

    @Nested
    class References {

        @Test
        void aSecretThatNobodyCreatesFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "Deployment", "gateway").body(), "pg-gateway-credentials",
                    "spec", "template", "spec", "containers", "0", "env", "1", "valueFrom", "secretKeyRef", "name");

            assertThat(CrossReferences.secretsAndConfigMaps(objects)).anyMatch(v -> v.contains("pg-gateway-credentials"));
        }

        @Test
        void aKeyThatTheOperatorsSecretDoesNotHaveFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "Keycloak", "privacy-keycloak").body(), "pasword", "spec", "db", "passwordSecret", "key");

            assertThat(CrossReferences.secretsAndConfigMaps(objects)).anyMatch(v -> v.contains("key pasword of Secret pg-keycloak-app"));
        }

        @Test
        void aMissingConfigMapAndAMissingPrerequisiteSecretKeyFail() {
            List<K8sObject> objects = without(dev(), "ConfigMap", "gateway-config");
            Nodes.put(find(objects, "ObjectStore", "privacy-backups").body(), "ACCESS_KEY", "spec", "configuration", "s3Credentials",
                    "accessKeyId", "key");

            assertThat(CrossReferences.secretsAndConfigMaps(objects))
                    .anyMatch(v -> v.startsWith("Deployment/gateway") && v.contains("ConfigMap gateway-config"))
                    .anyMatch(v -> v.startsWith("ObjectStore/privacy-backups") && v.contains("ACCESS_KEY"));
        }

        @Test
        void aServiceSelectorOrTargetPortThatMatchesNoPodFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "Service", "partner-registry-service").body(), "partner-registry", "spec", "selector", "app.kubernetes.io/name");
            Nodes.put(find(objects, "Service", "gateway").body(), 8081, "spec", "ports", "0", "targetPort");

            assertThat(CrossReferences.selectors(objects))
                    .anyMatch(v -> v.startsWith("Service/partner-registry-service") && v.contains("selects no pod"))
                    .anyMatch(v -> v.startsWith("Service/gateway") && v.contains("targetPort 8081"));
        }

        @Test
        void aDisruptionBudgetOrAutoscalerWithoutTargetFails() {
            List<K8sObject> objects = prod();
            Nodes.put(find(objects, "PodDisruptionBudget", "gateway").body(), "gateway-service", "spec", "selector", "matchLabels", "app.kubernetes.io/name");
            Nodes.put(find(objects, "HorizontalPodAutoscaler", "gateway").body(), "gateway-service", "spec", "scaleTargetRef", "name");

            assertThat(CrossReferences.selectors(objects))
                    .anyMatch(v -> v.startsWith("PodDisruptionBudget/gateway") && v.contains("selects no pod"))
                    .anyMatch(v -> v.startsWith("HorizontalPodAutoscaler/gateway") && v.contains("gateway-service"));
        }

        @Test
        void aNetworkPolicyThatSelectsNoPodOrOpensAPortNobodyListensOnFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "NetworkPolicy", "partner-registry-service").body(), "registry", "spec", "podSelector", "matchLabels",
                    "app.kubernetes.io/name");
            Nodes.put(find(objects, "NetworkPolicy", "gateway").body(), 5433, "spec", "egress", "1", "ports", "0", "port");
            Nodes.put(find(objects, "NetworkPolicy", "rabbitmq").body(), "gateway-service", "spec", "ingress", "0", "from", "0",
                    "podSelector", "matchLabels", "app.kubernetes.io/part-of");

            assertThat(CrossReferences.selectors(objects))
                    .anyMatch(v -> v.startsWith("NetworkPolicy/partner-registry-service") && v.contains("selects no pod"))
                    .anyMatch(v -> v.startsWith("NetworkPolicy/gateway") && v.contains("port 5433"))
                    .anyMatch(v -> v.startsWith("NetworkPolicy/rabbitmq") && v.contains("ingress.from"));
        }

        @Test
        void aBindingToAnUndeclaredQueueOrFromAnUndeclaredExchangeFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "Binding", "gateway-partner-controls-partner-activated").body(), "gateway.partner-control",
                    "spec", "destination");
            Nodes.put(find(objects, "Binding", "dsr-service-breach-orders-breach").body(), "privacy-events", "spec", "source");

            assertThat(CrossReferences.messaging(objects))
                    .anyMatch(v -> v.contains("destination queue gateway.partner-control is not declared"))
                    .anyMatch(v -> v.contains("source exchange privacy-events is not declared"));
        }

        @Test
        void aPermissionForAnUndeclaredUserOrForEverythingFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "Permission", "gateway").body(), "gateway-user", "spec", "userReference", "name");
            Nodes.put(find(objects, "Permission", "partner-registry-service").body(), ".*", "spec", "permissions", "read");

            assertThat(CrossReferences.messaging(objects))
                    .anyMatch(v -> v.startsWith("Permission/gateway") && v.contains("gateway-user"))
                    .anyMatch(v -> v.startsWith("Permission/partner-registry-service") && v.contains("least privilege"))
                    .anyMatch(v -> v.startsWith("User/gateway") && v.contains("0 Permissions"));
        }

        @Test
        void aConsumerQueueWithoutItsDeadLetterQueueFails() {
            List<K8sObject> objects = without(dev(), "Queue", "gateway-partner-controls-dlq");

            assertThat(CrossReferences.messaging(objects)).anyMatch(v -> v.contains("dead-letter queue gateway.partner-controls.dlq is not declared"));
        }

        @Test
        void infrastructureNamingWhatIsNotDeclaredFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "ScheduledBackup", "pg-gateway").body(), "pg-gw", "spec", "cluster", "name");
            Nodes.put(find(objects, "Keycloak", "privacy-keycloak").body(), "postgres-rw", "spec", "db", "host");
            Nodes.put(find(objects, "KeycloakRealmImport", "privacy-realm").body(), "${KC_CLIENT_SECRET_UNKNOWN}",
                    "spec", "realm", "clients", "0", "secret");

            assertThat(CrossReferences.infrastructure(objects))
                    .anyMatch(v -> v.startsWith("ScheduledBackup/pg-gateway-nightly"))
                    .anyMatch(v -> v.startsWith("Keycloak/privacy-keycloak") && v.contains("postgres-rw"))
                    .anyMatch(v -> v.contains("KC_CLIENT_SECRET_UNKNOWN"));
        }

        @Test
        void aServiceUrlOrDatabaseThatDoesNotExistFails() {
            List<K8sObject> objects = dev();
            K8sObject config = find(objects, "ConfigMap", "gateway-config");
            Nodes.put(config.body(), "http://partner-registry:80", "data", "REGISTRY_URL");
            Nodes.put(config.body(), "postgresql://pg-gateway-rw:5432/gateway_db", "data", "DB_REACTIVE_URL");
            Nodes.put(config.body(), "jdbc:postgresql://pg-partner-registry-rw:5432/partner_registry", "data", "DB_JDBC_URL");

            assertThat(CrossReferences.serviceConfiguration(objects))
                    .anyMatch(v -> v.contains("REGISTRY_URL") && v.contains("partner-registry,"))
                    .anyMatch(v -> v.contains("DB_REACTIVE_URL names database gateway_db"))
                    .anyMatch(v -> v.contains("DB_PASSWORD does not come from pg-partner-registry-app"));
        }
    }

    @Nested
    class Network {

        @Test
        void aServiceWithoutItsNetworkPolicyCannotReachItsDatabaseAndFails() {
            List<K8sObject> objects = without(dev(), "NetworkPolicy", "partner-registry-service");

            assertThat(NetworkReachability.requiredPathsAreOpen(objects))
                    .anyMatch(v -> v.contains("Deployment/partner-registry-service -> pg-partner-registry-rw:5432"))
                    .anyMatch(v -> v.contains("Deployment/gateway -> partner-registry-service:8081"));
        }

        @Test
        void aServiceThatNobodyCallsFails() {
            List<K8sObject> objects = dev();
            Nodes.remove(find(objects, "ConfigMap", "gateway-config").body(), "data", "BREACH_URL");

            assertThat(NetworkReachability.requiredPathsAreOpen(objects)).anyMatch(v -> v.startsWith("Service/breach-service: no service"));
        }

        @Test
        void aPathToAnotherServicesDatabaseOrFromServiceToServiceFails() {
            List<K8sObject> objects = dev();
            K8sObject registry = find(objects, "NetworkPolicy", "partner-registry-service");
            Nodes.put(registry.body(), List.of(), "spec", "egress", "0", "to");
            Nodes.remove(registry.body(), "spec", "egress", "0", "ports");
            Nodes.put(find(objects, "NetworkPolicy", "pg-gateway-from-gateway").body(), List.of(), "spec", "ingress", "0", "from");
            Nodes.put(find(objects, "NetworkPolicy", "gateway").body(), List.of(), "spec", "ingress", "0", "from");

            assertThat(NetworkReachability.nothingElseIsOpen(objects))
                    .anyMatch(v -> v.contains("let Deployment/partner-registry-service reach Cluster/pg-gateway"))
                    .anyMatch(v -> v.contains("let Deployment/partner-registry-service call Deployment/gateway"));
        }

        @Test
        void aSecondServiceReachableFromOutsideFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "NetworkPolicy", "partner-registry-service").body(),
                    List.of(Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "ingress-nginx")))),
                    "spec", "ingress", "0", "from");

            assertThat(NetworkReachability.onlyTheGatewayIsReachableFromOutside(objects))
                    .anyMatch(v -> v.contains("to Deployment/partner-registry-service"));
        }
    }

    @Nested
    class Values {

        @Test
        void aContainerWithoutARestrictedSecurityContextFails() {
            List<K8sObject> objects = dev();
            Nodes.remove(find(objects, "Deployment", "gateway").body(), "spec", "template", "spec", "containers", "0", "securityContext");
            Nodes.put(find(objects, "Deployment", "partner-registry-service").body(), false,
                    "spec", "template", "spec", "containers", "0", "securityContext", "readOnlyRootFilesystem");

            assertThat(RenderedValues.containers(objects))
                    .anyMatch(v -> v.startsWith("Deployment/gateway container gateway: no securityContext"))
                    .anyMatch(v -> v.contains("partner-registry-service: readOnlyRootFilesystem is not true"));
        }

        @Test
        void aContainerWithoutLimitsOrWithTheWrongProbeFails() {
            List<K8sObject> objects = dev();
            Nodes.remove(find(objects, "Deployment", "gateway").body(), "spec", "template", "spec", "containers", "0", "resources", "limits");
            Nodes.put(find(objects, "Deployment", "partner-registry-service").body(), "/q/health",
                    "spec", "template", "spec", "containers", "0", "livenessProbe", "httpGet", "path");

            assertThat(RenderedValues.containers(objects))
                    .anyMatch(v -> v.contains("gateway: no memory limits"))
                    .anyMatch(v -> v.contains("livenessProbe is /q/health"));
        }

        @Test
        void aLatestOrUnpinnedImageFails() {
            List<K8sObject> dev = dev();
            Nodes.put(find(dev, "Deployment", "gateway").body(), "registry.example.com/privacy-platform/gateway:latest",
                    "spec", "template", "spec", "containers", "0", "image");
            List<K8sObject> prod = prod();
            Nodes.put(find(prod, "Deployment", "gateway").body(), "registry.example.com/privacy-platform/gateway:1.0.0-SNAPSHOT",
                    "spec", "template", "spec", "containers", "0", "image");

            assertThat(RenderedValues.images(dev, false)).anyMatch(v -> v.contains(":latest"));
            assertThat(RenderedValues.images(prod, true)).anyMatch(v -> v.contains("not pinned"));
        }

        @Test
        void aSecondWayInFromOutsideFails() {
            List<K8sObject> objects = dev();
            Nodes.put(find(objects, "Service", "partner-registry-service").body(), "LoadBalancer", "spec", "type");
            Nodes.put(find(objects, "Keycloak", "privacy-keycloak").body(), true, "spec", "ingress", "enabled");
            objects = without(objects, "NetworkPolicy", "default-deny");

            assertThat(RenderedValues.exposure(objects, false))
                    .anyMatch(v -> v.contains("type LoadBalancer"))
                    .anyMatch(v -> v.startsWith("Keycloak/privacy-keycloak"))
                    .anyMatch(v -> v.contains("no default-deny"));
        }

        @Test
        void aRoleBoundToAServiceAccountFails() {
            List<K8sObject> objects = plus(dev(), new K8sObject(new LinkedHashMap<>(Map.of("apiVersion", "rbac.authorization.k8s.io/v1",
                    "kind", "RoleBinding", "metadata", Map.of("name", "view"),
                    "subjects", List.of(Map.of("kind", "ServiceAccount", "name", "gateway")),
                    "roleRef", Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", "view")))));

            assertThat(RenderedValues.serviceAccounts(objects)).anyMatch(v -> v.startsWith("RoleBinding/view"));
        }

        @Test
        void aDatabaseWithoutBackupsFails() {
            List<K8sObject> objects = without(dev(), "ScheduledBackup", "pg-consent");
            Nodes.put(find(objects, "Cluster", "pg-dsr").body(), List.of(), "spec", "plugins");

            assertThat(RenderedValues.infrastructure(objects))
                    .anyMatch(v -> v.equals("Cluster/pg-consent: no ScheduledBackup"))
                    .anyMatch(v -> v.equals("Cluster/pg-dsr: no continuous WAL archiving"));
        }

        @Test
        void aReceiptIssuerThatIsNotTheEnvironmentsPublicApiFails() {
            List<K8sObject> prod = prod();
            K8sObject config = prod.stream().filter(o -> o.is("ConfigMap") && o.name().startsWith("consent-service-config"))
                    .findFirst().orElseThrow();
            Nodes.put(config.body(), "https://privacy-platform.example/consent-service", "data", "CONSENT_RECEIPTS_ISSUER");
            assertThat(RenderedValues.receiptIssuer(prod)).singleElement().asString()
                    .contains("privacy-platform.example/consent-service is not https://<the gateway's Ingress host>/api");
            Nodes.remove(config.body(), "data", "CONSENT_RECEIPTS_ISSUER");
            assertThat(RenderedValues.receiptIssuer(prod)).singleElement().asString().contains("no CONSENT_RECEIPTS_ISSUER");
        }

        @Test
        void aDemoIdentityInProdFails() {
            List<K8sObject> prod = prod();
            K8sObject prodRealm = find(prod, "KeycloakRealmImport", "privacy-realm");
            K8sObject devRealm = find(dev(), "KeycloakRealmImport", "privacy-realm");
            Nodes.put(prodRealm.body(), devRealm.list("spec", "realm", "clients"), "spec", "realm", "clients");
            Nodes.put(prodRealm.body(), devRealm.list("spec", "realm", "users"), "spec", "realm", "users");
            Nodes.put(prodRealm.body(), devRealm.map("spec", "placeholders"), "spec", "placeholders");

            assertThat(RenderedValues.realmIdentities(prod, RenderedValues.OVERLAYS.get("prod")))
                    .anyMatch(v -> v.contains("has the demo client partner-demo-a in prod"))
                    .anyMatch(v -> v.contains("has the demo client privacy-cli in prod"))
                    .anyMatch(v -> v.contains("client privacy-cli has the password grant in prod"))
                    .anyMatch(v -> v.contains("has the demo user alice in prod"))
                    .anyMatch(v -> v.contains("has the demo user service-account-partner-demo-b in prod"))
                    .anyMatch(v -> v.contains("has the demo placeholder KC_USER_PASSWORD_OLIVIA in prod"));
            // the committed prod render itself has none of them
            assertThat(RenderedValues.realmIdentities(prod(), RenderedValues.OVERLAYS.get("prod"))).isEmpty();
        }

        @Test
        void aPersonWithAPasswordInProdOrAnEditedDemoIdentityInDevFails() {
            List<K8sObject> prod = prod();
            Map<String, Object> person = new java.util.LinkedHashMap<>();
            person.put("username", "officer");
            person.put("credentials", List.of(Map.of("type", "password", "value", "${KC_USER_PASSWORD_OFFICER}")));
            append(find(prod, "KeycloakRealmImport", "privacy-realm").body(), person, "spec", "realm", "users");
            assertThat(RenderedValues.realmIdentities(prod, RenderedValues.OVERLAYS.get("prod")))
                    .anyMatch(v -> v.contains("user officer has credentials in prod"));

            List<K8sObject> dev = dev();
            Object cli = find(dev, "KeycloakRealmImport", "privacy-realm").list("spec", "realm", "clients").stream()
                    .filter(c -> "privacy-cli".equals(Nodes.at(c, "clientId"))).findFirst().orElseThrow();
            Nodes.put(cli, true, "standardFlowEnabled");
            assertThat(RenderedValues.realmIdentities(dev, RenderedValues.OVERLAYS.get("dev")))
                    .anyMatch(v -> v.contains("lacks or differs from the demo addition at /spec/realm/clients/- privacy-cli"));
        }

        @Test
        void aRealmWithoutBruteForceProtectionOrPasswordPolicyFails() {
            List<K8sObject> dev = dev();
            K8sObject realm = find(dev, "KeycloakRealmImport", "privacy-realm");
            Nodes.put(realm.body(), false, "spec", "realm", "bruteForceProtected");
            Nodes.put(realm.body(), "notUsername and length(8)", "spec", "realm", "passwordPolicy");

            assertThat(RenderedValues.realmIdentities(dev, RenderedValues.OVERLAYS.get("dev")))
                    .anyMatch(v -> v.contains("bruteForceProtected is not true"))
                    .anyMatch(v -> v.contains("does not require length(10)"));
            Nodes.remove(realm.body(), "spec", "realm", "passwordPolicy");
            assertThat(RenderedValues.realmIdentities(dev, RenderedValues.OVERLAYS.get("dev")))
                    .anyMatch(v -> v.contains("passwordPolicy null"));
        }

        @Test
        void officersWithoutTotpInProdFail() {
            List<K8sObject> prod = prod();
            K8sObject realm = find(prod, "KeycloakRealmImport", "privacy-realm");
            // the auditor's condition negated: TOTP for everyone but auditors
            for (Object config : realm.list("spec", "realm", "authenticatorConfig")) {
                if ("auditor".equals(Nodes.at(config, "config", "condUserRole"))) {
                    Nodes.put(config, "true", "config", "negate");
                }
            }
            assertThat(RenderedValues.realmIdentities(prod, RenderedValues.OVERLAYS.get("prod")))
                    .anyMatch(v -> v.contains("does not require a one-time password (TOTP) of role auditor"))
                    .noneMatch(v -> v.contains("of role compliance-officer"));
            // the flow kept but not bound: Keycloak's plain browser flow
            Nodes.put(realm.body(), "browser", "spec", "realm", "browserFlow");
            assertThat(RenderedValues.realmIdentities(prod, RenderedValues.OVERLAYS.get("prod")))
                    .anyMatch(v -> v.contains("of role compliance-officer"));
            // dev does not ask for it
            assertThat(RenderedValues.realmIdentities(dev(), RenderedValues.OVERLAYS.get("dev"))).isEmpty();
        }

        @Test
        void aProdServiceWithoutAutoscalerOrBudgetFails() {
            List<K8sObject> objects = without(without(prod(), "HorizontalPodAutoscaler", "gateway"), "PodDisruptionBudget", "gateway");

            assertThat(RenderedValues.autoscaling(objects, true))
                    .contains("Deployment/gateway: no HorizontalPodAutoscaler", "Deployment/gateway: no PodDisruptionBudget selects its pods");
        }
    }

    @Nested
    class Drifts {

        @TempDir
        Path tmp;

        @Test
        void aCommittedManifestThatDiffersFromTheBuildOutputFails() throws IOException {
            Path generated = tmp.resolve("kubernetes.yml");
            Path committed = tmp.resolve("gateway.yml");
            Files.writeString(generated, "kind: Service\nmetadata:\n  name: gateway\n");
            Files.writeString(committed, "kind: Service\nmetadata:\n  name: gatway\n");

            assertThat(Drift.generatedManifest(committed, generated)).singleElement().asString()
                    .contains("gatway", "gateway");
        }

        @Test
        void theOrderOfKeysKeyedListsAndDocumentsIsNotADifference() throws IOException {
            Path generated = tmp.resolve("kubernetes.yml");
            Path committed = tmp.resolve("gateway.yml");
            Files.writeString(generated, "kind: ServiceAccount\nmetadata:\n  name: gateway\n---\nkind: Service\nmetadata:\n  name: gateway\n"
                    + "  labels: {a: x, b: y}\nspec:\n  ports:\n  - {name: https, port: 443}\n  - {name: http, port: 80}\n");
            Files.writeString(committed, "kind: Service\nmetadata:\n  labels: {b: y, a: x}\n  name: gateway\nspec:\n  ports:\n"
                    + "  - {port: 80, name: http}\n  - {name: https, port: 443}\n---\nkind: ServiceAccount\nmetadata:\n  name: gateway\n");

            assertThat(Drift.generatedManifest(committed, generated)).isEmpty();

            Files.writeString(committed, Files.readString(committed).replace("port: 80", "port: 8080"));
            assertThat(Drift.generatedManifest(committed, generated)).singleElement().asString().contains("port is 8080, expected 80");
        }

        @Test
        void aRealmImportThatIsNotTheLocalRealmFails() throws IOException {
            Map<String, Object> expected = RealmImport.from(Yaml.readJsonObject(RealmImport.source()));
            Map<String, Object> edited = Yaml.copy(expected);
            Nodes.put(edited, 600, "spec", "realm", "accessTokenLifespan");
            Path committed = tmp.resolve("realm-import.yaml");
            Files.writeString(committed, RealmImport.render(edited));

            assertThat(Drift.realmImport(expected, committed)).singleElement().asString().contains("accessTokenLifespan is 600");
        }

        @Test
        void aDevDemoAdditionThatIsNotTheLocalOneFails() throws IOException {
            List<Object> expected = RealmImport.demoPatch(Yaml.readJsonObject(RealmImport.demoSource()));
            List<Object> edited = Yaml.copy(new java.util.ArrayList<>(expected));
            Nodes.put(edited.get(0), "partner-demo-x", "value", "clientId");
            Path committed = tmp.resolve("realm-demo.yaml");
            Files.writeString(committed, RealmImport.renderDemo(edited));

            assertThat(Drift.demoPatch(expected, committed)).singleElement().asString().contains("clientId is partner-demo-x");
            Files.writeString(committed, RealmImport.renderDemo(expected));
            assertThat(Drift.demoPatch(expected, committed)).isEmpty();
        }
    }

    static List<K8sObject> withoutExactly(List<K8sObject> objects, String kind, String name) {
        return objects.stream().filter(o -> !(o.is(kind) && o.name().equals(name))).toList();
    }

    static K8sObject exactly(List<K8sObject> objects, String kind, String name) {
        return objects.stream().filter(o -> o.is(kind) && o.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static Map<String, Object> podPeer(String name) {
        return new LinkedHashMap<>(Map.of("podSelector", new LinkedHashMap<>(Map.of("matchLabels",
                new LinkedHashMap<>(Map.of("app.kubernetes.io/name", name))))));
    }

    @SuppressWarnings("unchecked")
    static void append(Object root, Object value, String... path) {
        ((List<Object>) Nodes.at(root, path)).add(value);
    }

    /** The new contracts: subscriptions, environment, who may call whom, Keycloak's public paths, images. */
    @Nested
    class Contracts {

        @Test
        void aPasswordSecretOrKeyWithADefaultInProdFails() {
            ServiceConfig config = ServiceConfig.parse("consent-service", """
                    quarkus.datasource.password=${DB_PASSWORD:consent}
                    rabbitmq-password=${RABBITMQ_PASSWORD}
                    quarkus.oidc-client.credentials.secret=platform-services-secret
                    dsr.export.key=${DSR_EXPORT_KEY:}
                    %dev,test.rabbitmq-password=guest
                    %prod.privacy.session.encryption-secret=${SESSION:known}
                    quarkus.kubernetes.env.mapping.db-password.with-key=password
                    """);

            assertThat(SecretDefaults.check(List.of(config)))
                    .anyMatch(v -> v.contains("quarkus.datasource.password=${DB_PASSWORD:consent} has a default (DB_PASSWORD)"))
                    .anyMatch(v -> v.contains("quarkus.oidc-client.credentials.secret has a literal value in prod"))
                    .anyMatch(v -> v.contains("dsr.export.key=${DSR_EXPORT_KEY:} has a default"))
                    .anyMatch(v -> v.contains("privacy.session.encryption-secret"))
                    .hasSize(4);
        }

        @Test
        void aSubscriptionWhoseBindingsDifferFromTheServicesRoutingKeysFails() {
            List<K8sObject> objects = withoutExactly(dev(), "Binding", "consent-service-partner-events-partner-scope-changed");
            Nodes.put(exactly(objects, "Binding", "consent-service-dsr-events-dsr-revocation-requested").body(),
                    "dsr.revocation-request", "spec", "routingKey");

            assertThat(MessagingContract.check(objects, ServiceConfig.all().values()))
                    .anyMatch(v -> v.contains("channel partner-events (queue consent-service.partner-events): routing key partner.scope-changed is not bound"))
                    .anyMatch(v -> v.contains("routing key dsr.revocation-requested is not bound"))
                    .anyMatch(v -> v.contains("routing key dsr.revocation-request is bound from privacy.events but is not in the service's routing-keys"));
        }

        @Test
        void aQueueWhoseTypeOrArgumentsDifferFromTheServicesDeclarationFails() {
            List<K8sObject> objects = dev();
            Nodes.put(exactly(objects, "Queue", "partner-registry-service-scorecard-feed").body(), 5, "spec", "arguments", "x-delivery-limit");
            Nodes.put(exactly(objects, "Queue", "dsr-service-partner-events").body(), "classic", "spec", "type");
            Nodes.put(exactly(objects, "Queue", "gateway-partner-controls").body(), "gateway.partner-controls.dead",
                    "spec", "arguments", "x-dead-letter-routing-key");

            assertThat(MessagingContract.check(objects, ServiceConfig.all().values()))
                    .anyMatch(v -> v.contains("scorecard-feed") && v.contains("x-delivery-limit is 5, the service declares 3"))
                    .anyMatch(v -> v.contains("dsr-service.partner-events") && v.contains("Queue type is classic, the service declares quorum"))
                    .anyMatch(v -> v.contains("gateway.partner-controls") && v.contains("dead-letter arguments"));
        }

        @Test
        void aDeadLetterQueueWithoutTheServicesMessageTtlOrATtlBeyondTheInboxHorizonFails() {
            List<K8sObject> objects = dev();
            Nodes.put(exactly(objects, "Queue", "dsr-service-breach-orders-dlq").body(), Map.of(), "spec", "arguments");
            Map<String, String> properties = new LinkedHashMap<>(ServiceConfig.all().get("dsr-service").properties());
            properties.put("mp.messaging.incoming.breach-orders.dead-letter-ttl", "2592000000");
            ServiceConfig lax = new ServiceConfig("dsr-service", properties);

            assertThat(MessagingContract.check(objects, ServiceConfig.all().values()))
                    .anyMatch(v -> v.contains("dsr-service.breach-orders.dlq has x-message-ttl null, the service declares 1209600000"));
            assertThat(MessagingContract.check(dev(), List.of(lax)))
                    .anyMatch(v -> v.contains("dead-letter-ttl 2592000000 ms is not shorter than the inbox horizon"));
        }

        @Test
        void aMissingQueueOrDeadLetterQueueAndAQueueNobodyConsumesFail() {
            List<K8sObject> objects = withoutExactly(withoutExactly(dev(), "Queue", "dsr-service-consent-events"),
                    "Queue", "consent-service-dsr-events-dlq");
            K8sObject orphan = new K8sObject(Yaml.copy(exactly(objects, "Queue", "dsr-service-partner-events").body()));
            Nodes.put(orphan.body(), "consent-service-legacy", "metadata", "name");
            Nodes.put(orphan.body(), "consent-service.legacy", "spec", "name");
            objects = plus(objects, orphan);

            assertThat(MessagingContract.check(objects, ServiceConfig.all().values()))
                    .anyMatch(v -> v.contains("channel consent-events") && v.contains("no Queue dsr-service.consent-events is declared"))
                    .anyMatch(v -> v.contains("no dead-letter Queue consent-service.dsr-events.dlq"))
                    .anyMatch(v -> v.startsWith("Queue/consent-service-legacy") && v.contains("no service's subscription"));
        }

        @Test
        void aPermissionThatDoesNotCoverAChannelOrReachesAnotherServicesQueueFails() {
            List<K8sObject> objects = dev();
            Nodes.put(exactly(objects, "Permission", "dsr-service").body(), "^(privacy\\.events|DLX|dsr-service\\.breach-orders)$",
                    "spec", "permissions", "read");
            Nodes.put(exactly(objects, "Permission", "gateway").body(),
                    "^(privacy\\.events|DLX|gateway\\.partner-controls|consent-service\\.partner-events)$", "spec", "permissions", "read");

            assertThat(MessagingContract.check(objects, ServiceConfig.all().values()))
                    .anyMatch(v -> v.startsWith("Permission/dsr-service: read permission") && v.contains("does not allow dsr-service.consent-events"))
                    .anyMatch(v -> v.startsWith("Permission/gateway: read permission reaches queue consent-service.partner-events of consent-service"));
        }

        @Test
        void theProdProfileDecidesWhatAServiceDeclares() {
            ServiceConfig config = ServiceConfig.parse("svc", """
                    mp.messaging.incoming.orders.connector=smallrye-rabbitmq
                    mp.messaging.incoming.orders.routing-keys=a.b , c.d
                    %dev,prod.mp.messaging.incoming.orders.queue.x-queue-type=quorum
                    %test.mp.messaging.incoming.orders.queue.name=svc-test.orders
                    %test.mp.messaging.incoming.orders.queue.x-queue-type=classic
                    quarkus.datasource.password=${DB_PASSWORD:x}
                    %dev.quarkus.oidc.auth-server-url=${DEV_ONLY_URL}
                    """);

            assertThat(config.incomingChannels()).singleElement().satisfies(c -> {
                assertThat(c.queue()).isEqualTo("orders");
                assertThat(c.queueType()).isEqualTo("quorum");
                assertThat(c.routingKeys()).containsExactly("a.b", "c.d");
                assertThat(c.deadLetterQueue()).isEqualTo("orders.dlq");
            });
            assertThat(config.environmentVariables()).containsExactly("DB_PASSWORD");
            assertThat(MessagingContract.check(dev(), List.of(config))).anyMatch(v -> v.contains("no Queue orders is declared"));
        }

        @Test
        void anEnvironmentVariableAServiceReadsWithoutASourceFails() {
            List<K8sObject> objects = dev();
            K8sObject consent = exactly(objects, "Deployment", "consent-service");
            List<Object> env = Nodes.list(consent.at("spec", "template", "spec", "containers", "0", "env"));
            env.removeIf(e -> "CONSENT_RECEIPTS_JWKS".equals(Nodes.at(e, "name")));
            Nodes.remove(find(objects, "ConfigMap", "consent-service-config").body(), "data", "PARTNER_REGISTRY_URL");
            K8sObject center = exactly(objects, "Deployment", "privacy-center");
            Nodes.list(center.at("spec", "template", "spec", "containers", "0", "env"))
                    .removeIf(e -> "PRIVACY_CENTER_SESSION_SECRET".equals(Nodes.at(e, "name")));

            assertThat(ServiceEnvironment.check(objects, ServiceEnvironment.requiredByService()))
                    .anyMatch(v -> v.startsWith("Deployment/consent-service") && v.contains("reads CONSENT_RECEIPTS_JWKS"))
                    .anyMatch(v -> v.startsWith("Deployment/consent-service") && v.contains("reads PARTNER_REGISTRY_URL"))
                    .anyMatch(v -> v.startsWith("Deployment/privacy-center") && v.contains("reads PRIVACY_CENTER_SESSION_SECRET"));
        }

        @Test
        void aServiceCallingAServiceItsConfigurationDoesNotNameOrABrokerItDoesNotUseFails() {
            List<K8sObject> objects = dev();
            Map<String, Object> toBreach = new LinkedHashMap<>(Map.of("to", new ArrayList<>(List.of(podPeer("breach-service"))),
                    "ports", List.of(Map.of("protocol", "TCP", "port", 8084))));
            append(exactly(objects, "NetworkPolicy", "dsr-service").body(), toBreach, "spec", "egress");
            append(exactly(objects, "NetworkPolicy", "breach-service").body(), podPeer("dsr-service"), "spec", "ingress", "0", "from");
            for (String policy : List.of("platform-services-to-broker", "rabbitmq")) {
                K8sObject p = exactly(objects, "NetworkPolicy", policy);
                Object selector = policy.equals("rabbitmq") ? p.at("spec", "ingress", "0", "from", "0", "podSelector") : p.at("spec", "podSelector");
                append(selector, "privacy-center", "matchExpressions", "0", "values");
            }

            assertThat(NetworkReachability.nothingElseIsOpen(objects))
                    .anyMatch(v -> v.contains("let Deployment/dsr-service call Deployment/breach-service:8084"))
                    .anyMatch(v -> v.contains("let Deployment/privacy-center reach RabbitMQ") && v.contains("5672"));
        }

        @Test
        void aCallerMissingFromTheCalleesIngressFails() {
            List<K8sObject> objects = dev();
            Nodes.list(exactly(objects, "NetworkPolicy", "consent-service").at("spec", "ingress", "0", "from"))
                    .removeIf(peer -> "privacy-center".equals(Nodes.at(peer, "podSelector", "matchLabels", "app.kubernetes.io/name")));

            assertThat(NetworkReachability.requiredPathsAreOpen(objects))
                    .anyMatch(v -> v.contains("Deployment/privacy-center -> consent-service:8082"));
        }

        @Test
        void keycloakExposedBeyondItsPublicPathsOrHostFails() {
            List<K8sObject> objects = prod();
            K8sObject ingress = exactly(objects, "Ingress", "keycloak");
            Map<String, Object> admin = Yaml.copy(Nodes.map(ingress.at("spec", "rules", "0", "http", "paths", "0")));
            admin.put("path", "/admin");
            append(ingress.body(), admin, "spec", "rules", "0", "http", "paths");
            Nodes.put(ingress.body(), "keycloak.privacy.example.com", "spec", "rules", "0", "host");
            Nodes.remove(exactly(objects, "Keycloak", "privacy-keycloak").body(), "spec", "proxy");

            assertThat(RenderedValues.exposure(objects, true))
                    .anyMatch(v -> v.startsWith("Ingress/keycloak: routes /admin"))
                    .anyMatch(v -> v.contains("host keycloak.privacy.example.com is not Keycloak/privacy-keycloak's hostname auth.privacy.example.com"))
                    .anyMatch(v -> v.contains("without spec.proxy.headers"));
            assertThat(RenderedValues.exposure(prod(), false)).anyMatch(v -> v.contains("this overlay does not expose Keycloak"));
            assertThat(RenderedValues.exposure(dev(), true)).anyMatch(v -> v.contains("0 Ingresses to Keycloak"));
        }

        @Test
        void keycloakReachableFromOutsideWithoutItsIngressOrBeyondItFails() {
            List<K8sObject> blocked = withoutExactly(prod(), "NetworkPolicy", "keycloak-from-ingress-controller");
            List<K8sObject> wide = prod();
            Nodes.put(exactly(wide, "NetworkPolicy", "keycloak-from-ingress-controller").body(),
                    List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0"))), "spec", "ingress", "0", "from");
            List<K8sObject> dev = plus(dev(), exactly(prod(), "NetworkPolicy", "keycloak-from-ingress-controller"));

            assertThat(NetworkReachability.onlyTheGatewayIsReachableFromOutside(blocked))
                    .anyMatch(v -> v.contains("no NetworkPolicy admits the ingress controller to it"));
            assertThat(NetworkReachability.onlyTheGatewayIsReachableFromOutside(wide))
                    .anyMatch(v -> v.contains("beyond the ingress controller's namespace"));
            assertThat(NetworkReachability.onlyTheGatewayIsReachableFromOutside(dev))
                    .anyMatch(v -> v.contains("to Keycloak, which no Ingress exposes"));
        }

        @Test
        void aRealmClientWithALocalAddressFailsAndPrivacyCentersLocalOriginBecomesThePublicUrl() {
            List<K8sObject> objects = dev();
            Object center = exactly(objects, "KeycloakRealmImport", "privacy-realm").list("spec", "realm", "clients").stream()
                    .filter(c -> "privacy-center".equals(Nodes.at(c, "clientId"))).findFirst().orElseThrow();
            append(center, "http://localhost:8085/*", "redirectUris");

            assertThat(RenderedValues.realmIdentities(objects, RenderedValues.OVERLAYS.get("dev")))
                    .anyMatch(v -> v.contains("client privacy-center names a local address"));

            Map<String, Object> local = Yaml.readJsonObject(RealmImport.source());
            Object localCenter = Nodes.list(local.get("clients")).stream()
                    .filter(c -> "privacy-center".equals(Nodes.at(c, "clientId"))).findFirst().orElseThrow();
            append(localCenter, "http://localhost:8085/*", "redirectUris");
            assertThat(Yaml.toJson(RealmImport.from(local))).doesNotContain("localhost").contains("${KC_GATEWAY_PUBLIC_URL}/*");
        }

        @Test
        void aMissingOrMisnamedServiceOrAnUnknownDeploymentFails() {
            List<K8sObject> objects = withoutExactly(dev(), "Deployment", "privacy-center");
            Nodes.put(exactly(objects, "Deployment", "dsr-service").body(), "registry.example.com/privacy-platform/dsr:1.0.0-SNAPSHOT",
                    "spec", "template", "spec", "containers", "0", "image");
            K8sObject extra = new K8sObject(Yaml.copy(exactly(objects, "Deployment", "breach-service").body()));
            Nodes.put(extra.body(), "breach-worker", "metadata", "name");
            objects = plus(withoutExactly(objects, "NetworkPolicy", "breach-service"), extra);

            assertThat(RenderedValues.services(objects))
                    .contains("no Deployment privacy-center")
                    .anyMatch(v -> v.startsWith("Deployment/dsr-service: image registry.example.com/privacy-platform/dsr:1.0.0-SNAPSHOT"))
                    .anyMatch(v -> v.equals("Deployment/breach-service: no NetworkPolicy breach-service"))
                    .anyMatch(v -> v.startsWith("Deployment/breach-worker: not one of the platform's services"));
        }

        @Test
        void anImageBuiltByAPlainPackageOrWithoutJibFails() {
            ServiceConfig config = ServiceConfig.parse("dsr-service", """
                    quarkus.container-image.group=privacy-platform
                    quarkus.container-image.name=dsr
                    %prod.quarkus.container-image.push=true
                    quarkus.container-image.build=true
                    """);

            assertThat(ImageBuild.check("dsr-service", "<artifactId>quarkus-kubernetes</artifactId>", config))
                    .anyMatch(v -> v.contains("no io.quarkus:quarkus-container-image-jib"))
                    .anyMatch(v -> v.contains("quarkus.container-image.build=true"))
                    .anyMatch(v -> v.contains("quarkus.container-image.push=true"))
                    .anyMatch(v -> v.contains("quarkus.container-image.name is dsr"));
        }

        @Test
        void aDatabaseUserFromAnotherClustersSecretFails() {
            List<K8sObject> objects = dev();
            for (Object e : Nodes.list(exactly(objects, "Deployment", "consent-service").at("spec", "template", "spec", "containers", "0", "env"))) {
                if ("DB_USERNAME".equals(Nodes.at(e, "name"))) {
                    Nodes.put(e, "pg-dsr-app", "valueFrom", "secretKeyRef", "name");
                }
            }

            assertThat(CrossReferences.serviceConfiguration(objects))
                    .anyMatch(v -> v.startsWith("Deployment/consent-service") && v.contains("DB_USERNAME does not come from pg-consent-app"));
        }

        @Test
        void moreDatabaseConnectionsAtTheAutoscalersMaximumThanPostgresAcceptsFails() {
            List<K8sObject> objects = prod();
            Nodes.remove(find(objects, "ConfigMap", "dsr-service-config").body(), "data", "QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE");
            Nodes.put(find(objects, "ConfigMap", "consent-service-config").body(), "30", "data", "DB_POOL_SIZE");
            Nodes.put(exactly(objects, "HorizontalPodAutoscaler", "gateway").body(), 10, "spec", "maxReplicas");

            assertThat(RenderedValues.databaseConnections(objects))
                    .anyMatch(v -> v.startsWith("Deployment/dsr-service: up to 6 pods x (20 reactive + 2 JDBC + 2 LISTEN) = 144"))
                    .anyMatch(v -> v.startsWith("Deployment/consent-service: up to 12 pods x (30 reactive"))
                    .anyMatch(v -> v.startsWith("Deployment/gateway: up to 10 pods x (11 reactive + 2 JDBC + 3 LISTEN) = 160"));
        }

        @Test
        void aGatewayRateShareThatIsNotTheReplicasAlwaysRunningFails() {
            List<K8sObject> objects = prod();
            Nodes.put(exactly(objects, "HorizontalPodAutoscaler", "gateway").body(), 3, "spec", "minReplicas");

            assertThat(RenderedValues.gatewayRateShares(objects))
                    .containsExactly("Deployment/gateway: GATEWAY_RATE_LIMIT_REPLICAS is 2 but 3 replicas always run"
                            + " (together they would allow 3/2 of the configured rates)");
            assertThat(RenderedValues.gatewayRateShares(prod())).isEmpty();
        }

        @Test
        void aNewProdServiceWithoutAutoscalerOrBudgetFails() {
            List<K8sObject> objects = withoutExactly(withoutExactly(prod(), "HorizontalPodAutoscaler", "privacy-center"),
                    "PodDisruptionBudget", "consent-service");

            assertThat(RenderedValues.autoscaling(objects, true))
                    .contains("Deployment/privacy-center: no HorizontalPodAutoscaler", "Deployment/consent-service: no PodDisruptionBudget selects its pods");
        }
    }

    @Nested
    class Management {

        @Test
        void aServiceWithoutItsManagementInterfaceOrOnItsHttpPortFails() {
            ServiceConfig off = ServiceConfig.parse("dsr-service", """
                    quarkus.http.port=8083
                    %dev,test.quarkus.management.enabled=true
                    """);
            ServiceConfig shared = ServiceConfig.parse("breach-service", """
                    quarkus.http.port=8084
                    quarkus.management.enabled=true
                    quarkus.management.port=8084
                    """);

            assertThat(ManagementExposure.interfaces(List.of(off, shared)))
                    .anyMatch(v -> v.startsWith("dsr-service: quarkus.management.enabled is not true"))
                    .anyMatch(v -> v.startsWith("breach-service: quarkus.management.port 8084 is its HTTP port"));
        }

        @Test
        void aProbeOnTheApiPortOrAManagementPortOtherThanConfiguredFails() {
            List<K8sObject> objects = dev();
            Nodes.put(exactly(objects, "Deployment", "partner-registry-service").body(), 8081,
                    "spec", "template", "spec", "containers", "0", "readinessProbe", "httpGet", "port");
            Nodes.list(exactly(objects, "Deployment", "consent-service").at("spec", "template", "spec", "containers", "0", "ports"))
                    .stream().filter(p -> "management".equals(Nodes.at(p, "name"))).forEach(p -> Nodes.put(p, 9000, "containerPort"));

            assertThat(ManagementExposure.probesAndPorts(objects, ServiceConfig.all().values()))
                    .anyMatch(v -> v.startsWith("Deployment/partner-registry-service: readinessProbe on port 8081"))
                    .anyMatch(v -> v.startsWith("Deployment/consent-service: port management is 9000"));
        }

        @Test
        void anIngressRoutingMoreThanTheApiAndThePrivacyCenterOrToAManagementPortFails() {
            List<K8sObject> objects = prod();
            K8sObject ingress = exactly(objects, "Ingress", "gateway");
            Map<String, Object> root = Yaml.copy(Nodes.map(ingress.at("spec", "rules", "0", "http", "paths", "0")));
            root.put("path", "/");
            append(ingress.body(), root, "spec", "rules", "0", "http", "paths");
            Map<String, Object> health = Yaml.copy(Nodes.map(ingress.at("spec", "rules", "0", "http", "paths", "0")));
            Nodes.put(health, "management", "backend", "service", "port", "name");
            append(ingress.body(), health, "spec", "rules", "0", "http", "paths");
            K8sObject keycloak = exactly(objects, "Ingress", "keycloak");
            Nodes.put(keycloak.body(), Map.of("number", 9000), "spec", "rules", "0", "http", "paths", "0", "backend", "service", "port");

            assertThat(ManagementExposure.ingresses(objects))
                    .anyMatch(v -> v.startsWith("Ingress/gateway: routes / (Prefix) to the gateway"))
                    .anyMatch(v -> v.startsWith("Ingress/gateway: routes /api to gateway's management port 9080"))
                    .anyMatch(v -> v.startsWith("Ingress/keycloak") && v.contains("Keycloak's management port 9000"));
            assertThat(ManagementExposure.ingresses(prod())).isEmpty();

            Nodes.put(exactly(objects, "ServiceMonitor", "privacy-platform").body(), "http", "spec", "endpoints", "0", "port");
            assertThat(ManagementExposure.scrapes(objects)).containsExactly("ServiceMonitor/privacy-platform: scrapes port http, not the management port");
        }

        @Test
        void aManagementPortOpenBeyondTheMonitoringNamespaceOrClosedToItFails() {
            List<K8sObject> objects = dev();
            // the ingress controller may reach the gateway's management port too
            append(exactly(objects, "NetworkPolicy", "gateway").body(), Map.of("protocol", "TCP", "port", 9080),
                    "spec", "ingress", "0", "ports");
            // Prometheus' policy widened to every namespace
            Nodes.put(exactly(objects, "NetworkPolicy", "management-from-monitoring").body(),
                    List.of(Map.of("namespaceSelector", Map.of())), "spec", "ingress", "0", "from");

            assertThat(ManagementExposure.networkPolicies(objects))
                    .anyMatch(v -> v.startsWith("NetworkPolicy/gateway: admits") && v.contains("ingress-nginx")
                            && v.contains("Deployment/gateway's management port 9080"))
                    .anyMatch(v -> v.startsWith("NetworkPolicy/management-from-monitoring: admits {\"namespaceSelector\":{}}"))
                    .anyMatch(v -> v.startsWith("Deployment/dsr-service: no NetworkPolicy admits the monitoring namespace"));
            assertThat(NetworkReachability.onlyTheGatewayIsReachableFromOutside(objects))
                    .anyMatch(v -> v.contains("NetworkPolicy/management-from-monitoring: admits traffic from outside the namespace"));
        }
    }

    @Nested
    class Encryption {

        @Test
        void aPlainOrUnverifiedProdConnectionStringFails() {
            List<K8sObject> objects = prod();
            Nodes.put(find(objects, "ConfigMap", "consent-service-config").body(), "jdbc:postgresql://pg-consent-rw:5432/consent",
                    "data", "DB_JDBC_URL");
            Nodes.put(find(objects, "ConfigMap", "dsr-service-config").body(),
                    "jdbc:postgresql://pg-dsr-rw:5432/dsr?sslmode=verify-full&sslrootcert=/etc/privacy/tls/internal/ca.crt",
                    "data", "DB_JDBC_URL");
            Nodes.put(find(objects, "ConfigMap", "breach-service-config").body(), "5672", "data", "RABBITMQ_PORT");
            Nodes.put(find(objects, "ConfigMap", "privacy-center-config").body(), "http://privacy-keycloak-service:8080/realms/privacy",
                    "data", "OIDC_AUTH_SERVER_URL");

            assertThat(TransportEncryption.check(objects))
                    .anyMatch(v -> v.startsWith("Deployment/consent-service: DB_JDBC_URL jdbc:postgresql://pg-consent-rw:5432/consent is plain"))
                    .anyMatch(v -> v.startsWith("Deployment/dsr-service: DB_JDBC_URL's sslrootcert /etc/privacy/tls/internal/ca.crt is not ca.crt of Secret pg-dsr-ca"))
                    .anyMatch(v -> v.startsWith("Deployment/breach-service: the broker connection amqp://privacy-rabbitmq:5672 is plain"))
                    .anyMatch(v -> v.startsWith("Deployment/privacy-center: OIDC_AUTH_SERVER_URL http://") && v.contains("plain HTTP"));
        }

        @Test
        void aPlainPoolABrokerOrKeycloakWithoutTlsOrAnUnmountedCaFails() {
            List<K8sObject> objects = prod();
            Nodes.put(find(objects, "ConfigMap", "internal-tls-config").body(), "prefer", "data", "QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE");
            Nodes.remove(exactly(objects, "RabbitmqCluster", "privacy-rabbitmq").body(), "spec", "tls");
            Nodes.put(exactly(objects, "Keycloak", "privacy-keycloak").body(), true, "spec", "http", "httpEnabled");
            K8sObject gateway = exactly(objects, "Deployment", "gateway");
            Nodes.list(gateway.at("spec", "template", "spec", "containers", "0", "volumeMounts"))
                    .removeIf(m -> "internal-ca".equals(Nodes.at(m, "name")));

            assertThat(TransportEncryption.check(objects))
                    .anyMatch(v -> v.contains("the reactive pool to pg-") && v.contains("is plain or unverified"))
                    .anyMatch(v -> v.contains("RabbitMQ privacy-rabbitmq serves no TLS"))
                    .anyMatch(v -> v.startsWith("Keycloak/privacy-keycloak: serves plain HTTP"))
                    .anyMatch(v -> v.startsWith("Deployment/gateway: TLS configuration internal for RabbitMQ trusts"));
        }
    }
}

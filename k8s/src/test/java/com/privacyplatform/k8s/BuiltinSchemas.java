package com.privacyplatform.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strict validation of built-in kinds with the Kubernetes Java client's generated models:
 * validateJsonElement rejects unknown fields at any depth and missing required fields; reading
 * the object with the client's Gson rejects wrong types (replicas: "two", memory: abc).
 */
final class BuiltinSchemas {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", V1Namespace.class),
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
            Map.entry("batch/v1/Job", V1Job.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", V1Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", V1RoleBinding.class));

    /** RFC 1123 subdomain, the rule for most object names. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private BuiltinSchemas() {
    }

    static boolean knows(K8sObject o) {
        return MODELS.containsKey(o.apiVersion() + "/" + o.kind());
    }

    /** Violations of one built-in object (empty when valid). */
    static List<String> validate(K8sObject o) {
        List<String> violations = new ArrayList<>(validateName(o));
        Class<?> model = MODELS.get(o.apiVersion() + "/" + o.kind());
        if (model == null) {
            violations.add(o.id() + ": " + o.apiVersion() + " " + o.kind() + " is no built-in kind this check knows");
            return violations;
        }
        String problem = validateWith(model, Yaml.toJson(o.body()));
        if (problem != null) {
            violations.add(o.id() + ": " + abbreviate(problem));
        }
        return violations;
    }

    /** The client's messages quote the whole offending JSON; the start says what is wrong. */
    private static String abbreviate(String message) {
        return message.length() > 300 ? message.substring(0, 297) + "..." : message;
    }

    /** Metadata of custom resources is validated as ObjectMeta. */
    static List<String> validateMetadata(K8sObject o) {
        List<String> violations = new ArrayList<>(validateName(o));
        String problem = validateWith(V1ObjectMeta.class, Yaml.toJson(o.map("metadata")));
        if (problem != null) {
            violations.add(o.id() + ": metadata: " + problem);
        }
        return violations;
    }

    private static List<String> validateName(K8sObject o) {
        String name = o.name();
        if (name == null || name.isBlank()) {
            return List.of(o.kind() + " without metadata.name");
        }
        if (name.length() > 253 || !NAME.matcher(name).matches()) {
            return List.of(o.id() + ": metadata.name is not a valid Kubernetes name");
        }
        return List.of();
    }

    private static String validateWith(Class<?> model, String json) {
        try {
            JsonElement element = JsonParser.parseString(json);
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, element);
            JSON.getGson().fromJson(element, model);
            return null;
        } catch (InvocationTargetException e) {
            return String.valueOf(e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}

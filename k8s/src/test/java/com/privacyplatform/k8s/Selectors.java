package com.privacyplatform.k8s;

import java.util.List;
import java.util.Map;

/** Kubernetes label selector semantics (matchLabels, matchExpressions; plain Service selectors). */
final class Selectors {

    private Selectors() {
    }

    /** A LabelSelector ({matchLabels, matchExpressions}); an empty one selects everything. */
    static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : Nodes.stringMap(selector.get("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Object expression : Nodes.list(selector.get("matchExpressions"))) {
            String key = String.valueOf(Nodes.at(expression, "key"));
            List<String> values = Nodes.list(Nodes.at(expression, "values")).stream().map(String::valueOf).toList();
            String value = labels.get(key);
            boolean ok = switch (String.valueOf(Nodes.at(expression, "operator"))) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmpty(Map<String, Object> selector) {
        return Nodes.map(selector.get("matchLabels")).isEmpty() && Nodes.list(selector.get("matchExpressions")).isEmpty();
    }

    /** A Service's plain selector map. */
    static boolean selectsPlain(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}

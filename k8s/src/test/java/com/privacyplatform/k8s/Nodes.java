package com.privacyplatform.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Navigation in trees of maps and lists (parsed YAML). */
final class Nodes {

    private Nodes() {
    }

    /** The value at a path of map keys and list indexes ("0", "1", ...), or null. */
    static Object at(Object root, String... path) {
        Object current = root;
        for (String step : path) {
            if (current instanceof Map<?, ?> m) {
                current = m.get(step);
            } else if (current instanceof List<?> l && step.chars().allMatch(Character::isDigit)) {
                int i = Integer.parseInt(step);
                current = i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static Map<String, String> stringMap(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        map(value).forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        return out;
    }

    /** Sets a value at a path of existing maps/lists (for seeding errors in tests). */
    @SuppressWarnings("unchecked")
    static void put(Object root, Object value, String... path) {
        Object parent = at(root, java.util.Arrays.copyOf(path, path.length - 1));
        String last = path[path.length - 1];
        if (parent instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put(last, value);
        } else if (parent instanceof List<?> l) {
            ((List<Object>) l).set(Integer.parseInt(last), value);
        } else {
            throw new IllegalArgumentException("no parent at " + String.join(".", path));
        }
    }

    /** Removes the entry at a path (for seeding errors in tests). */
    static void remove(Object root, String... path) {
        Object parent = at(root, java.util.Arrays.copyOf(path, path.length - 1));
        if (parent instanceof Map<?, ?> m) {
            m.remove(path[path.length - 1]);
        } else {
            throw new IllegalArgumentException("no map at " + String.join(".", path));
        }
    }
}

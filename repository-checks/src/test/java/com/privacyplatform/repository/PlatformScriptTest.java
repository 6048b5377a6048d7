package com.privacyplatform.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./platform} is a dispatcher over one part per concern in {@code infra/platform/}: every part
 * is sourced by it (so none escapes the check), starts with a header saying what it does, and
 * shellcheck (Debian's package; {@code ./platform test} installs it when missing) finds nothing in the
 * dispatcher and its parts, checked together as the one program they are ({@code -x -a}).
 */
class PlatformScriptTest {

    private static Path root;
    private static List<Path> parts;

    @BeforeAll
    static void listParts() throws IOException {
        root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
        try (Stream<Path> list = Files.list(root.resolve("infra/platform"))) {
            parts = list.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
        }
        assertThat(parts).as("the parts of ./platform").isNotEmpty();
    }

    @Test
    void theDispatcherSourcesEveryPartAndStaysShort() throws IOException {
        List<String> dispatcher = Files.readAllLines(root.resolve("platform"), StandardCharsets.UTF_8);
        for (Path part : parts) {
            String relative = root.relativize(part).toString();
            assertThat(dispatcher).as("./platform sources " + relative)
                    .contains("# shellcheck source=" + relative, "source \"$ROOT/" + relative + "\"");
        }
        assertThat(dispatcher).as("./platform is a dispatcher, its work is in the parts").hasSizeLessThan(200);
    }

    @Test
    void everyPartSaysWhatItDoes() throws IOException {
        for (Path part : parts) {
            List<String> lines = Files.readAllLines(part, StandardCharsets.UTF_8);
            assertThat(lines).as(part.getFileName() + ": shell directive and header").hasSizeGreaterThan(3);
            assertThat(lines.get(0)).isEqualTo("# shellcheck shell=bash");
            assertThat(lines.get(1)).as(part.getFileName() + "'s header")
                    .startsWith("# " + root.relativize(part) + " - ");
        }
    }

    @Test
    void shellcheckFindsNothingInTheDispatcherAndItsParts() throws Exception {
        Process shellcheck;
        try {
            shellcheck = new ProcessBuilder("shellcheck", "--external-sources", "--check-sourced", "platform", ".ci/run")
                    .directory(root.toFile()).redirectErrorStream(true).start();
        } catch (IOException missing) {
            throw new AssertionError("shellcheck is missing: apt-get install shellcheck (./platform test installs it)", missing);
        }
        String output = new String(shellcheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shellcheck.waitFor(120, TimeUnit.SECONDS)).as("shellcheck ends").isTrue();
        assertThat(output).as("shellcheck's findings").isEmpty();
        assertThat(shellcheck.exitValue()).as("shellcheck's exit code").isZero();
    }
}

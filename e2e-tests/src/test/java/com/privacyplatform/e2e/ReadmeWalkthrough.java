package com.privacyplatform.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's walkthrough as written: every fenced block whose info string is {@code bash walkthrough},
 * in order, read from the repository's README.md when the test runs, and run with bash from the
 * repository root (where {@code ./platform} is), as a reader pastes them.
 */
final class ReadmeWalkthrough {

    static final Path ROOT = Path.of(System.getProperty("e2e.repository.root", "..")).toAbsolutePath().normalize();
    static final Path README = ROOT.resolve("README.md");
    private static final String OPENING = "```bash walkthrough";
    private static final String CLOSING = "```";
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{([A-Z_]+):-([^}]*)}");

    private ReadmeWalkthrough() {
    }

    /** The marked blocks, in the README's order, without their fences. */
    static List<String> blocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        int lineNumber = 0;
        int opened = 0;
        for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (block == null) {
                if (line.strip().equals(OPENING)) {
                    block = new StringBuilder();
                    opened = lineNumber;
                }
            } else if (line.strip().equals(CLOSING)) {
                blocks.add(block.toString());
                block = null;
            } else {
                block.append(line).append('\n');
            }
        }
        if (block != null) {
            throw new IllegalStateException(README + ":" + opened + ": the walkthrough block is never closed");
        }
        return blocks;
    }

    /** The variables the blocks take with a default ({@code NAME=${NAME:-default}}), and their defaults. */
    static Map<String, String> defaults(List<String> blocks) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String block : blocks) {
            Matcher m = DEFAULT.matcher(block);
            while (m.find()) {
                defaults.put(m.group(1), m.group(2));
            }
        }
        return defaults;
    }

    record Run(int exitCode, String output) {
    }

    /**
     * Runs the blocks as one script with {@code bash -euo pipefail} in the repository root, with these
     * variables added to the environment; stdout and stderr together, also kept in {@code logFile}.
     */
    static Run run(List<String> blocks, Map<String, String> environment, Path logFile, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = logFile.toAbsolutePath(); // bash runs in the repository root
        Files.createDirectories(log.getParent());
        Path script = log.resolveSibling("walkthrough.sh");
        Files.writeString(script, String.join("\n", blocks), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", script.toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the walkthrough did not finish within " + timeoutSeconds + " s; output so far:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** {@code ./platform partner-id CLIENT}: the partner id of a client id, as the README computes it. */
    static String partnerId(String clientId) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ROOT.resolve("platform").toString(), "partner-id", clientId)
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("./platform partner-id " + clientId + " failed: " + output);
        }
        return output;
    }
}

package com.privacyplatform.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: a clone in an empty folder builds, tests, runs and reads with nothing
 * beside it. No file of the repository names the team's notes folder next to it, no relative path
 * climbs out of the repository, and every relative link of the documentation points at a file inside it.
 */
class RepositoryStandsAloneTest {

    /** Folders that are built, downloaded or run locally, never part of the repository. */
    private static final Set<String> NOT_OURS = Set.of(".git", "target", ".platform", "node_modules", ".idea");
    /** Files that are data, not text we write (binary or vendored). */
    private static final Set<String> DATA_SUFFIXES = Set.of(".png", ".jpg", ".jar", ".p12", ".ico", ".gz");

    /** The team's notes folder beside the checkout, and the team machines' workspace. */
    private static final Pattern OUTSIDE_NAMES = Pattern.compile("\\.\\.[/\\\\]shared\\b|/work/(main|shared|wt)\\b");
    private static final Pattern PARENT_STEPS = Pattern.compile("(?:\\.\\./)+");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    private static Path root;
    private static List<Path> files;

    @BeforeAll
    static void listFiles() throws IOException {
        root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
        assertThat(root.resolve("pom.xml")).as("the repository root").isRegularFile();
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(RepositoryStandsAloneTest::ours).sorted().toList();
        }
        assertThat(files).as("files of the repository").hasSizeGreaterThan(100);
    }

    @Test
    void noFileNamesTheTeamsFolderBesideTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            text(file).ifPresent(text -> {
                Matcher m = OUTSIDE_NAMES.matcher(text);
                while (m.find()) {
                    found.add(where(file, text, m.start()) + ": " + m.group());
                }
            });
        }
        assertThat(found).as("paths outside the repository (copy what is needed into it; name an upstream source in words)")
                .isEmpty();
    }

    @Test
    void noRelativePathClimbsOutOfTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            text(file).ifPresent(text -> {
                Matcher m = PARENT_STEPS.matcher(text);
                while (m.find()) {
                    int steps = m.group().length() / 3;
                    if (escapes(baseOf(file), steps)) {
                        found.add(where(file, text, m.start()) + ": " + excerpt(text, m.start()));
                    }
                }
            });
        }
        assertThat(found).as("relative paths that leave the repository").isEmpty();
    }

    @Test
    void everyRelativeLinkOfTheDocumentationPointsAtAFileInsideTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            if (!file.toString().endsWith(".md")) {
                continue;
            }
            text(file).ifPresent(text -> {
                Matcher m = MARKDOWN_LINK.matcher(text);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("#")) {
                        continue; // http(s), mailto, ... and anchors in the same page
                    }
                    String path = target.replaceFirst("#.*$", "");
                    Path resolved = file.getParent().resolve(path).normalize();
                    if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                        broken.add(where(file, text, m.start()) + ": " + target);
                    }
                }
            });
        }
        assertThat(broken).as("relative links that leave the repository or point at nothing").isEmpty();
    }

    private static boolean ours(Path file) {
        Path relative = root.relativize(file);
        for (Path part : relative) {
            if (NOT_OURS.contains(part.toString())) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        return DATA_SUFFIXES.stream().noneMatch(name::endsWith);
    }

    private static boolean escapes(Path base, int steps) {
        Path relative = root.relativize(base);
        int depth = relative.toString().isEmpty() ? 0 : relative.getNameCount();
        return steps > depth;
    }

    /**
     * What a relative path in the file is resolved against: code and build configuration run in their
     * module's folder (Maven's and the tests' working directory), documents, kustomizations and
     * scripts resolve from their own folder.
     */
    private static Path baseOf(Path file) {
        String name = file.getFileName().toString();
        Path relative = root.relativize(file);
        boolean runsInModule = name.endsWith(".java") || name.endsWith(".properties") || name.equals("pom.xml");
        if (runsInModule) {
            return relative.getNameCount() > 1 ? root.resolve(relative.getName(0)) : root;
        }
        return file.getParent();
    }

    private static java.util.Optional<String> text(Path file) {
        try {
            return java.util.Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            return java.util.Optional.empty(); // not UTF-8 text
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(Path file, String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return root.relativize(file) + ":" + line;
    }

    private static String excerpt(String text, int offset) {
        int end = offset;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && end - offset < 80) {
            end++;
        }
        return text.substring(offset, end);
    }
}

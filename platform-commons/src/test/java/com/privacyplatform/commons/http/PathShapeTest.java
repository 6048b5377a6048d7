package com.privacyplatform.commons.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The path shape keeps only the platform's own path words (16.3, 17.2): a subject id never reaches
 * a log line or a metric label, whatever it looks like - and every literal of every JAX-RS
 * {@code @Path} in the repository's modules is such a word, so a route template and the shape of
 * the same path agree.
 */
class PathShapeTest {

    private static final Pattern PATH_ANNOTATION = Pattern.compile("@Path\\(([^)]*)\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern CONSTANT = Pattern.compile("\\b([A-Z]\\w*)\\.([A-Z][A-Z0-9_]*)\\b");

    @Test
    void aSubjectIdThatLooksLikeAWordBecomesAPlaceholder() {
        assertThat(PathShape.of("/api/subjects/alice/holders")).isEqualTo("/api/subjects/{id}/holders");
        assertThat(PathShape.of("/subjects/alice/holders")).isEqualTo("/subjects/{id}/holders");
        assertThat(PathShape.of("/api/consents/subjects/bob/history")).isEqualTo("/api/consents/subjects/{id}/history");
        assertThat(PathShape.of("/alice")).isEqualTo("/{id}");
        assertThat(PathShape.of("/api/partners/acme-payments")).isEqualTo("/api/partners/{id}");
    }

    @Test
    void thePlatformsWordsStayAndEverythingElseIsHidden() {
        assertThat(PathShape.of("/api/consents/0190abcd-1234/revocation")).isEqualTo("/api/consents/{id}/revocation");
        assertThat(PathShape.of("/api/.well-known/jwks.json")).isEqualTo("/api/.well-known/jwks.json");
        assertThat(PathShape.of("/api/openapi.json")).isEqualTo("/api/openapi.json");
        assertThat(PathShape.of("/api/audit/consent/audit-records/verification"))
                .isEqualTo("/api/audit/consent/audit-records/verification");
        assertThat(PathShape.of("/api/services/dsr/dead-letters/dsr.consent-events/messages/m-1/replay"))
                .isEqualTo("/api/services/dsr/dead-letters/{id}/messages/{id}/replay");
        assertThat(PathShape.of("/privacy/requests/new")).isEqualTo("/privacy/requests/new");
        assertThat(PathShape.of("/api/Partners/PARTNERS/partnersx")).isEqualTo("/api/{id}/{id}/{id}");
        assertThat(PathShape.of("/api//partners/x-1/")).isEqualTo("/api/partners/{id}");
        assertThat(PathShape.of("/")).isEqualTo("/");
        assertThat(PathShape.of("")).isEqualTo("/");
    }

    @Test
    void everyWordIsKeptButNoExtensionOrOtherCaseOfIt() {
        for (String word : PathWords.WORDS) {
            assertThat(PathShape.of("/" + word)).isEqualTo("/" + word);
            assertThat(PathShape.of("/" + word + "x/x" + word + "/" + word.toUpperCase(java.util.Locale.ROOT)))
                    .as(word).isEqualTo("/{id}/{id}/{id}");
        }
        assertThat(new TreeSet<>(PathWords.WORDS)).as("no word twice").hasSize(PathWords.WORDS.size());
    }

    @Test
    void everyLiteralOfEveryJaxRsPathInTheRepositoryIsAPathWord() {
        Path root = repositoryRoot();
        Map<String, String> words = pathLiterals(root);
        assertThat(words).as("the scan found the services' paths").containsKeys("consents", "partners", "incidents",
                "tasks", "dsr-holdings", "consent-partners");
        Map<String, String> missing = new TreeMap<>(words);
        missing.keySet().removeIf(word -> PathShape.of("/" + word).equals("/" + word));
        assertThat(missing).as("@Path literals (word -> where) to add to PathWords.WORDS").isEmpty();
    }

    /** Every literal segment of every {@code @Path} in the modules' main sources, with a file naming it. */
    private static Map<String, String> pathLiterals(Path root) {
        Map<String, String> words = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(PathShapeTest::mainSource).toList()) {
                Matcher annotation = PATH_ANNOTATION.matcher(Files.readString(file));
                while (annotation.find()) {
                    StringBuilder value = new StringBuilder();
                    Matcher literal = LITERAL.matcher(annotation.group(1));
                    while (literal.find()) {
                        value.append(literal.group(1)).append('/');
                    }
                    Matcher constant = CONSTANT.matcher(annotation.group(1).replaceAll("\"[^\"]*\"", ""));
                    while (constant.find()) {
                        value.append(constant(root, constant.group(1), constant.group(2))).append('/');
                    }
                    for (String segment : value.toString().split("/")) {
                        if (!segment.isEmpty() && !segment.startsWith("{")) {
                            words.putIfAbsent(segment, root.relativize(file).toString());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** The value of {@code static final String name = "..."} in the repository's class {@code type}. */
    private static String constant(Path root, String type, String name) throws IOException {
        Pattern declaration = Pattern.compile("\\b" + name + "\\s*=\\s*\"([^\"]*)\"");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals(type + ".java"))
                    .filter(PathShapeTest::mainSource).toList()) {
                Matcher m = declaration.matcher(Files.readString(file));
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new IllegalStateException("@Path uses " + type + "." + name + ", whose value was not found");
    }

    private static boolean mainSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java") && path.contains("/src/main/java/") && !path.contains("/target/")
                && !path.contains("/.platform/");
    }

    private static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("platform-commons/pom.xml")).as("the repository root").exists();
        return root;
    }
}

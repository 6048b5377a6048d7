package com.privacyplatform.testing.clause;

import com.privacyplatform.api.clause.Enforces;
import com.privacyplatform.api.clause.Verifies;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;

/**
 * Lists clause -> code that enforces it ({@link Enforces} tags; resource methods shown as their
 * endpoint) -> tests that prove it ({@link Verifies} tags), from compiled classes (class
 * directories or jars), and the tags that name no clause of the catalogue. Coverage is checked per
 * enforcing unit (a tagged method, class or field), not per clause: each must be named by some
 * test's {@link Verifies#exercises()}. The full matrix lists every clause of the catalogue as
 * enforced, organisational (with the reason, from {@code organisational.properties}) or not
 * covered. Services' tests use it to check their tags; the compliance-matrix module writes the
 * platform-wide matrix with it.
 */
public final class ClauseIndex {

    private static final DotName ENFORCES = DotName.createSimple(Enforces.class.getName());
    private static final DotName VERIFIES = DotName.createSimple(Verifies.class.getName());
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final String CATALOGUE = "/com/privacyplatform/testing/clause/clauses.properties";
    private static final String ORGANISATIONAL = "/com/privacyplatform/testing/clause/organisational.properties";

    /**
     * One tag: {@code id} names the code ({@code pkg.Class}, {@code pkg.Class#method},
     * {@code pkg.Class.field}), {@code shown} is the id with a resource method's endpoint in front.
     */
    record Tag(AnnotationTarget.Kind kind, String id, String shown, List<String> clauses, List<String> exercises) {
    }

    private final List<Tag> enforcing;
    private final List<Tag> verifying;
    private final Properties catalogue;

    private ClauseIndex(List<Tag> enforcing, List<Tag> verifying, Properties catalogue) {
        this.enforcing = enforcing;
        this.verifying = verifying;
        this.catalogue = catalogue;
    }

    /** Indexes every class under the given directories or inside the given jars. */
    public static ClauseIndex scan(Path... roots) {
        Indexer indexer = new Indexer();
        for (Path root : roots) {
            indexRoot(indexer, root);
        }
        Index index = indexer.complete();
        return new ClauseIndex(collect(index, ENFORCES), collect(index, VERIFIES), load(CATALOGUE));
    }

    /** This index without the tags of code matching {@code excluded} (e.g. a test's own fixtures). */
    public ClauseIndex without(Predicate<String> excluded) {
        return new ClauseIndex(enforcing.stream().filter(t -> !excluded.test(t.id())).toList(),
                verifying.stream().filter(t -> !excluded.test(t.id())).toList(), catalogue);
    }

    private static List<Tag> collect(Index index, DotName annotation) {
        List<Tag> out = new ArrayList<>();
        for (AnnotationInstance tag : index.getAnnotations(annotation)) {
            AnnotationValue exercises = tag.value("exercises");
            out.add(new Tag(tag.target().kind(), id(tag.target()), endpoint(tag.target()) + id(tag.target()),
                    List.of(tag.value().asStringArray()).stream().map(String::trim).toList(),
                    exercises == null ? List.of() : List.of(exercises.asStringArray())));
        }
        out.sort((a, b) -> a.shown().compareTo(b.shown()));
        return out;
    }

    /** Clause id -> enforcing code ({@code pkg.Class}, {@code pkg.Class#method}, {@code pkg.Class.field}). */
    public Map<String, List<String>> byClause() {
        return byClause(enforcing);
    }

    /** Clause id -> tests that prove it ({@code pkg.TestClass#method} or a whole test class). */
    public Map<String, List<String>> testsByClause() {
        return byClause(verifying);
    }

    private static Map<String, List<String>> byClause(List<Tag> tags) {
        Map<String, TreeSet<String>> sets = new TreeMap<>(ClauseIndex::compareClauses);
        tags.forEach(t -> t.clauses().forEach(c -> sets.computeIfAbsent(c, k -> new TreeSet<>()).add(t.shown())));
        Map<String, List<String>> out = new TreeMap<>(ClauseIndex::compareClauses);
        sets.forEach((clause, shown) -> out.put(clause, List.copyOf(shown)));
        return out;
    }

    /** Tags (enforcing or verifying) that name no clause of the policy catalogue (typos, invented clauses). */
    public List<String> unknownClauses() {
        TreeSet<String> all = new TreeSet<>(ClauseIndex::compareClauses);
        all.addAll(byClause().keySet());
        all.addAll(testsByClause().keySet());
        return all.stream().filter(c -> !catalogue.containsKey(c)).toList();
    }

    /** Clauses that some code enforces but no test is tagged to prove. */
    public List<String> enforcedButUntested() {
        Map<String, List<String>> tests = testsByClause();
        return byClause().keySet().stream().filter(c -> !tests.containsKey(c)).toList();
    }

    /** Clauses that tests claim to prove but no code is tagged to enforce. */
    public List<String> testedButNotEnforced() {
        Map<String, List<String>> code = byClause();
        return testsByClause().keySet().stream().filter(c -> !code.containsKey(c)).toList();
    }

    /**
     * Enforcing code (as shown in the matrix) -> the tests whose {@code exercises} name it and that
     * verify one of its clauses.
     */
    public Map<String, List<String>> testsByEnforcingCode() {
        Map<String, TreeSet<String>> byId = new TreeMap<>();
        enforcing.forEach(t -> byId.computeIfAbsent(t.id(), k -> new TreeSet<>()));
        for (Tag test : verifying) {
            for (String name : test.exercises()) {
                List<String> ids = resolve(name);
                if (ids.size() == 1 && sharesAClause(ids.get(0), test)) {
                    byId.get(ids.get(0)).add(test.id());
                }
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        for (Tag t : enforcing) {
            out.put(t.shown(), List.copyOf(byId.get(t.id())));
        }
        return out;
    }

    /** Enforcing methods, classes and fields that no test names in its {@code exercises}. */
    public List<String> enforcingCodeNoTestExercises() {
        return testsByEnforcingCode().entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
    }

    /**
     * {@code exercises} entries that name no enforcing code, name several (ambiguous simple class
     * name), or name code that enforces none of the test's clauses: {@code "test -> name: why"}.
     */
    public List<String> badExercises() {
        List<String> out = new ArrayList<>();
        for (Tag test : verifying) {
            for (String name : test.exercises()) {
                List<String> ids = resolve(name);
                if (ids.isEmpty()) {
                    out.add(test.id() + " -> " + name + ": names no @Enforces code");
                } else if (ids.size() > 1) {
                    out.add(test.id() + " -> " + name + ": ambiguous (" + String.join(", ", ids) + "); qualify it");
                } else if (!sharesAClause(ids.get(0), test)) {
                    out.add(test.id() + " -> " + name + ": enforces none of the test's clauses " + test.clauses());
                }
            }
        }
        return out;
    }

    private boolean sharesAClause(String id, Tag test) {
        return enforcing.stream().filter(t -> t.id().equals(id))
                .anyMatch(t -> t.clauses().stream().anyMatch(test.clauses()::contains));
    }

    /** The ids of the enforcing code a test's name stands for: one when it resolves, none or several otherwise. */
    private List<String> resolve(String name) {
        TreeSet<String> ids = new TreeSet<>();
        for (Tag t : enforcing) {
            if (matches(t, name.trim())) {
                ids.add(t.id());
            }
        }
        return List.copyOf(ids);
    }

    private static boolean matches(Tag tag, String name) {
        String id = tag.id();
        if (id.equals(name)) {
            return true;
        }
        String type = switch (tag.kind()) {
            case METHOD -> id.substring(0, id.indexOf('#'));
            case FIELD -> id.substring(0, id.lastIndexOf('.'));
            default -> id;
        };
        String member = id.substring(type.length());
        String outer = type.substring(type.lastIndexOf('.') + 1);
        String inner = outer.substring(outer.lastIndexOf('$') + 1);
        return name.equals(outer + member) || name.equals(inner + member);
    }

    /** The clause catalogue: clause id -> short title. */
    public static Map<String, String> catalogue() {
        Properties catalogue = load(CATALOGUE);
        Map<String, String> out = new TreeMap<>(ClauseIndex::compareClauses);
        catalogue.stringPropertyNames().forEach(c -> out.put(c, catalogue.getProperty(c)));
        return out;
    }

    public static String titleOf(String clause) {
        return load(CATALOGUE).getProperty(clause);
    }

    /** A Markdown table: clause | what it requires | enforced by (endpoint or rule) | verified by (tests). */
    public String toMarkdown() {
        TreeSet<String> clauses = new TreeSet<>(ClauseIndex::compareClauses);
        Map<String, List<String>> code = byClause();
        Map<String, List<String>> tests = testsByClause();
        clauses.addAll(code.keySet());
        clauses.addAll(tests.keySet());
        StringBuilder out = new StringBuilder(
                "| clause | requirement | enforced by (endpoint or rule) | verified by (tests) |\n| --- | --- | --- | --- |\n");
        for (String clause : clauses) {
            out.append("| ").append(clause).append(" | ").append(catalogue.getProperty(clause, "(unknown clause)"))
                    .append(" | ").append(cell(code.get(clause))).append(" | ").append(cell(tests.get(clause)))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** What the platform does about each clause of the catalogue. */
    public enum Coverage {
        /** Code enforces it and tests prove it. */
        ENFORCED,
        /** An obligation the platform cannot observe itself (the reason is given). */
        ORGANISATIONAL,
        /** Neither: a gap, listed rather than left out. */
        NOT_COVERED
    }

    /** Every clause of the catalogue, in order, with its coverage. */
    public Map<String, Coverage> coverage() {
        Properties organisational = load(ORGANISATIONAL);
        Map<String, List<String>> code = byClause();
        Map<String, List<String>> tests = testsByClause();
        Map<String, Coverage> out = new LinkedHashMap<>();
        TreeSet<String> clauses = new TreeSet<>(ClauseIndex::compareClauses);
        catalogue.stringPropertyNames().forEach(clauses::add);
        for (String clause : clauses) {
            out.put(clause, code.containsKey(clause) && tests.containsKey(clause) ? Coverage.ENFORCED
                    : organisational.containsKey(clause) ? Coverage.ORGANISATIONAL : Coverage.NOT_COVERED);
        }
        return out;
    }

    /** Clauses listed as organisational that code also enforces: the entry is stale, or the tag is wrong. */
    public List<String> organisationalButEnforced() {
        Properties organisational = load(ORGANISATIONAL);
        Map<String, List<String>> code = byClause();
        return organisational.stringPropertyNames().stream().filter(code::containsKey)
                .sorted(ClauseIndex::compareClauses).toList();
    }

    /**
     * The platform-wide matrix: every clause of the catalogue with its coverage, its enforcing code and
     * tests (or the organisational reason), then every piece of enforcing code with the tests that
     * exercise it.
     */
    public String toMatrix() {
        Properties organisational = load(ORGANISATIONAL);
        Map<String, List<String>> code = byClause();
        Map<String, List<String>> tests = testsByClause();
        StringBuilder out = new StringBuilder("| clause | requirement | coverage | enforced by (endpoint or rule) |"
                + " verified by (tests) |\n| --- | --- | --- | --- | --- |\n");
        coverage().forEach((clause, coverage) -> out.append("| ").append(clause).append(" | ")
                .append(catalogue.getProperty(clause)).append(" | ")
                .append(switch (coverage) {
                    case ENFORCED -> "enforced";
                    case ORGANISATIONAL -> "organisational: " + organisational.getProperty(clause);
                    case NOT_COVERED -> "**not covered**";
                }).append(" | ").append(cell(code.get(clause))).append(" | ").append(cell(tests.get(clause)))
                .append(" |\n"));
        out.append("\n## Enforcing code and the tests that exercise it\n\n")
                .append("| enforcing code | clauses | exercised by (tests) |\n| --- | --- | --- |\n");
        Map<String, List<String>> exercised = testsByEnforcingCode();
        for (Tag t : enforcing) {
            out.append("| `").append(t.shown()).append("` | ").append(String.join(", ", t.clauses())).append(" | ")
                    .append(cell(exercised.get(t.shown()))).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(List<String> entries) {
        return entries == null || entries.isEmpty() ? "-" : "`" + String.join("`<br>`", entries) + "`";
    }

    private static void indexRoot(Indexer indexer, Path root) {
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            indexer.index(in);
                        }
                    }
                }
            } else if (Files.isRegularFile(root)) {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (var entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            indexer.index(in);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index " + root, e);
        }
    }

    private static String id(AnnotationTarget target) {
        return switch (target.kind()) {
            case CLASS -> target.asClass().name().toString();
            case METHOD -> target.asMethod().declaringClass().name() + "#" + target.asMethod().name();
            case FIELD -> target.asField().declaringClass().name() + "." + target.asField().name();
            default -> target.toString();
        };
    }

    /** {@code "POST /consents/{id}/revocation "} for a JAX-RS resource method, else empty. */
    private static String endpoint(AnnotationTarget target) {
        if (target.kind() != AnnotationTarget.Kind.METHOD) {
            return "";
        }
        MethodInfo method = target.asMethod();
        String verb = HTTP_METHODS.stream()
                .filter(m -> method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + m)))
                .findFirst().orElse(null);
        if (verb == null) {
            return "";
        }
        String path = joinPaths(pathOf(method.declaringClass().declaredAnnotation(PATH)),
                pathOf(method.declaredAnnotation(PATH)));
        return verb + " " + path + " ";
    }

    private static String pathOf(AnnotationInstance path) {
        return path == null || path.value() == null ? "" : path.value().asString();
    }

    private static String joinPaths(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Properties load(String resource) {
        Properties props = new Properties();
        try (InputStream in = ClauseIndex.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("clause catalogue missing: " + resource);
            }
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    /** Orders {@code 3.1.c} before {@code 3.10.a}: numeric parts numerically. */
    public static int compareClauses(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = comparePart(pa[i], pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    private static int comparePart(String a, String b) {
        if (a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)
                && !a.isEmpty() && !b.isEmpty()) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }
}

package com.privacyplatform.commons.clause;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;

/**
 * Lists clause -> code that enforces it ({@link Enforces} tags; resource methods shown as their
 * endpoint) -> tests that prove it ({@link Verifies} tags), from compiled classes (class
 * directories or jars), and the tags that name no clause of the catalogue. Services' tests use it
 * to check their tags; the compliance-matrix module writes the platform-wide matrix with it.
 */
public final class ClauseIndex {

    private static final DotName ENFORCES = DotName.createSimple(Enforces.class.getName());
    private static final DotName VERIFIES = DotName.createSimple(Verifies.class.getName());
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final String CATALOGUE = "/com/privacyplatform/commons/clause/clauses.properties";

    private final Map<String, TreeSet<String>> byClause;
    private final Map<String, TreeSet<String>> testsByClause;
    private final Properties catalogue;

    private ClauseIndex(Map<String, TreeSet<String>> byClause, Map<String, TreeSet<String>> testsByClause,
            Properties catalogue) {
        this.byClause = byClause;
        this.testsByClause = testsByClause;
        this.catalogue = catalogue;
    }

    /** Indexes every class under the given directories or inside the given jars. */
    public static ClauseIndex scan(Path... roots) {
        Indexer indexer = new Indexer();
        for (Path root : roots) {
            indexRoot(indexer, root);
        }
        Index index = indexer.complete();
        return new ClauseIndex(collect(index, ENFORCES), collect(index, VERIFIES), loadCatalogue());
    }

    /** This index without the tags of code matching {@code excluded} (e.g. a test's own fixtures). */
    public ClauseIndex without(java.util.function.Predicate<String> excluded) {
        return new ClauseIndex(filter(byClause, excluded), filter(testsByClause, excluded), catalogue);
    }

    private static Map<String, TreeSet<String>> filter(Map<String, TreeSet<String>> tags,
            java.util.function.Predicate<String> excluded) {
        Map<String, TreeSet<String>> out = new TreeMap<>(ClauseIndex::compareClauses);
        tags.forEach((clause, targets) -> {
            TreeSet<String> kept = new TreeSet<>();
            targets.stream().filter(t -> !excluded.test(t.substring(t.lastIndexOf(' ') + 1))).forEach(kept::add);
            if (!kept.isEmpty()) {
                out.put(clause, kept);
            }
        });
        return out;
    }

    private static Map<String, TreeSet<String>> collect(Index index, DotName annotation) {
        Map<String, TreeSet<String>> out = new TreeMap<>(ClauseIndex::compareClauses);
        for (AnnotationInstance tag : index.getAnnotations(annotation)) {
            for (String clause : tag.value().asStringArray()) {
                out.computeIfAbsent(clause.trim(), c -> new TreeSet<>()).add(describe(tag.target()));
            }
        }
        return out;
    }

    /** Clause id -> enforcing code ({@code pkg.Class}, {@code pkg.Class#method}, {@code pkg.Class.field}). */
    public Map<String, List<String>> byClause() {
        Map<String, List<String>> out = new TreeMap<>(ClauseIndex::compareClauses);
        byClause.forEach((clause, targets) -> out.put(clause, List.copyOf(targets)));
        return out;
    }

    /** Clause id -> tests that prove it ({@code pkg.TestClass#method} or a whole test class). */
    public Map<String, List<String>> testsByClause() {
        Map<String, List<String>> out = new TreeMap<>(ClauseIndex::compareClauses);
        testsByClause.forEach((clause, tests) -> out.put(clause, List.copyOf(tests)));
        return out;
    }

    /** Tags (enforcing or verifying) that name no clause of the policy catalogue (typos, invented clauses). */
    public List<String> unknownClauses() {
        TreeSet<String> all = new TreeSet<>(ClauseIndex::compareClauses);
        all.addAll(byClause.keySet());
        all.addAll(testsByClause.keySet());
        return all.stream().filter(c -> !catalogue.containsKey(c)).toList();
    }

    /** Clauses that some code enforces but no test is tagged to prove. */
    public List<String> enforcedButUntested() {
        return byClause.keySet().stream().filter(c -> !testsByClause.containsKey(c)).toList();
    }

    /** Clauses that tests claim to prove but no code is tagged to enforce. */
    public List<String> testedButNotEnforced() {
        return testsByClause.keySet().stream().filter(c -> !byClause.containsKey(c)).toList();
    }

    public static String titleOf(String clause) {
        return loadCatalogue().getProperty(clause);
    }

    /** A Markdown table: clause | what it requires | enforced by (endpoint or rule) | verified by (tests). */
    public String toMarkdown() {
        TreeSet<String> clauses = new TreeSet<>(ClauseIndex::compareClauses);
        clauses.addAll(byClause.keySet());
        clauses.addAll(testsByClause.keySet());
        StringBuilder out = new StringBuilder(
                "| clause | requirement | enforced by (endpoint or rule) | verified by (tests) |\n| --- | --- | --- | --- |\n");
        for (String clause : clauses) {
            out.append("| ").append(clause).append(" | ").append(catalogue.getProperty(clause, "(unknown clause)"))
                    .append(" | ").append(cell(byClause.get(clause))).append(" | ")
                    .append(cell(testsByClause.get(clause))).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(TreeSet<String> entries) {
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

    private static String describe(AnnotationTarget target) {
        return switch (target.kind()) {
            case CLASS -> target.asClass().name().toString();
            case METHOD -> endpoint(target.asMethod()) + target.asMethod().declaringClass().name() + "#"
                    + target.asMethod().name();
            case FIELD -> target.asField().declaringClass().name() + "." + target.asField().name();
            default -> target.toString();
        };
    }

    /** {@code "POST /consents/{id}/revocation "} for a JAX-RS resource method, else empty. */
    private static String endpoint(MethodInfo method) {
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

    private static Properties loadCatalogue() {
        Properties props = new Properties();
        try (InputStream in = ClauseIndex.class.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("clause catalogue missing: " + CATALOGUE);
            }
            props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    /** Orders {@code 3.1.c} before {@code 3.10.a}: numeric parts numerically. */
    static int compareClauses(String a, String b) {
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

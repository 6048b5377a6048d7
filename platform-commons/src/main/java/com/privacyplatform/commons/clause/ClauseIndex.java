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

/**
 * Lists clause -> code that enforces it, from {@link Enforces} tags in compiled classes (class
 * directories or jars), and the tags that name no clause of the catalogue. Services' tests use it
 * to check their tags and to write their part of the compliance matrix.
 */
public final class ClauseIndex {

    private static final DotName ENFORCES = DotName.createSimple(Enforces.class.getName());
    private static final String CATALOGUE = "/com/privacyplatform/commons/clause/clauses.properties";

    private final Map<String, TreeSet<String>> byClause;
    private final Properties catalogue;

    private ClauseIndex(Map<String, TreeSet<String>> byClause, Properties catalogue) {
        this.byClause = byClause;
        this.catalogue = catalogue;
    }

    /** Indexes every class under the given directories or inside the given jars. */
    public static ClauseIndex scan(Path... roots) {
        Indexer indexer = new Indexer();
        for (Path root : roots) {
            indexRoot(indexer, root);
        }
        Index index = indexer.complete();
        Map<String, TreeSet<String>> byClause = new TreeMap<>(ClauseIndex::compareClauses);
        for (AnnotationInstance tag : index.getAnnotations(ENFORCES)) {
            for (String clause : tag.value().asStringArray()) {
                byClause.computeIfAbsent(clause.trim(), c -> new TreeSet<>()).add(describe(tag.target()));
            }
        }
        return new ClauseIndex(byClause, loadCatalogue());
    }

    /** Clause id -> enforcing code ({@code pkg.Class}, {@code pkg.Class#method}, {@code pkg.Class.field}). */
    public Map<String, List<String>> byClause() {
        Map<String, List<String>> out = new TreeMap<>(ClauseIndex::compareClauses);
        byClause.forEach((clause, targets) -> out.put(clause, List.copyOf(targets)));
        return out;
    }

    /** Tags that name no clause of the policy catalogue (typos, invented clauses). */
    public List<String> unknownClauses() {
        return byClause.keySet().stream().filter(c -> !catalogue.containsKey(c)).toList();
    }

    public static String titleOf(String clause) {
        return loadCatalogue().getProperty(clause);
    }

    /** A Markdown table: clause | what it requires | enforced by. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("| clause | requirement | enforced by |\n| --- | --- | --- |\n");
        byClause.forEach((clause, targets) -> out.append("| ").append(clause).append(" | ")
                .append(catalogue.getProperty(clause, "(unknown clause)")).append(" | `")
                .append(String.join("`<br>`", targets)).append("` |\n"));
        return out.toString();
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
            case METHOD -> target.asMethod().declaringClass().name() + "#" + target.asMethod().name();
            case FIELD -> target.asField().declaringClass().name() + "." + target.asField().name();
            default -> target.toString();
        };
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

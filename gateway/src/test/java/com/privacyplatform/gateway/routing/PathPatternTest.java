package com.privacyplatform.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The precompiled segment matching (issue 19) gives exactly what the regular expressions give: for
 * every configured route and public path and every rule of PartnerRoutes, over paths built from the
 * expressions' own expansions and mutated (empty segments, trailing slashes, line terminators, other
 * words), and on the edge cases one by one; an expression outside the compiled shape is matched by
 * the regular expression itself.
 */
class PathPatternTest {

    /** GatewayConfig's default public paths. */
    private static final List<String> PUBLIC_PATHS = List.of("^/vocabulary$", "^/openapi\\.json$",
            "^/\\.well-known/jwks\\.json$", "^/deletion-attestations/jwks\\.json$");
    private static final List<String> SAMPLES = List.of("x", "42", "019ac2f1-5b7e-7d3a-9c41-2f0e8d1b6a55", "a.b",
            "%2F", "", "x\ny", "X", "consents ", "jwks.json", "jwksXjson", ".well-known", "\u2028", "verification",
            "audit-records", "dead-letters", "messages");

    @Test
    void everyConfiguredExpressionIsCompiledAndMatchesAsItsRegularExpression() throws Exception {
        List<String> sources = new ArrayList<>(configuredRoutes());
        sources.addAll(PUBLIC_PATHS);
        PartnerRoutes.rules().forEach(rule -> sources.add(rule.path().pattern()));
        assertThat(sources).hasSizeGreaterThan(50);
        List<PathPattern> patterns = sources.stream().map(PathPattern::compile).toList();
        assertThat(patterns).allSatisfy(p -> assertThat(p.isCompiled()).as(p.toString()).isTrue());

        Set<String> corpus = corpus(patterns, 20_000);
        assertThat(corpus).hasSizeGreaterThan(20_000);
        int matched = 0;
        List<String> differences = new ArrayList<>();
        for (PathPattern pattern : patterns) {
            for (String path : corpus) {
                boolean expected = pattern.regex().matcher(path).matches();
                if (pattern.matches(path) != expected) {
                    differences.add(pattern + " on " + path.replace("\n", "\\n") + ": expected " + expected);
                }
                matched += expected ? 1 : 0;
            }
        }
        assertThat(differences).isEmpty();
        assertThat(matched).as("paths the expressions match").isGreaterThan(2_000);
    }

    @Test
    void theEdgeCasesOneByOne() {
        PathPattern consent = PathPattern.compile(
                "^/(consents|subjects|holdings-feed|projections/consent-partners)(/.*)?$|^/\\.well-known/jwks\\.json$");
        assertThat(consent.matches("/consents")).isTrue();
        assertThat(consent.matches("/consents/")).isTrue();
        assertThat(consent.matches("/consents//x/")).isTrue();
        assertThat(consent.matches("/consents/x\n")).isFalse(); // . does not match a line terminator
        assertThat(consent.matches("/consentsx")).isFalse();
        assertThat(consent.matches("/Consents")).isFalse();
        assertThat(consent.matches("/projections/consent-partners/reconciliation")).isTrue();
        assertThat(consent.matches("/projections")).isFalse();
        assertThat(consent.matches("/.well-known/jwks.json")).isTrue();
        assertThat(consent.matches("/.well-known/jwksXjson")).isFalse(); // the escaped dot is a dot
        assertThat(consent.matches("/.well-known/jwks.json/")).isFalse();
        assertThat(consent.matches("consents")).isFalse();
        assertThat(consent.matches("")).isFalse();

        PathPattern partner = PathPattern.compile("^/partners/[^/]+/(retention-bases|request-scorecard)(/.*)?$");
        assertThat(partner.matches("/partners/42/retention-bases")).isTrue();
        assertThat(partner.matches("/partners//retention-bases")).isFalse(); // [^/]+ is never empty
        assertThat(partner.matches("/partners/a\nb/request-scorecard")).isTrue(); // [^/] matches a line terminator
        assertThat(partner.matches("/partners/42/request-scorecard/")).isTrue();

        PathPattern nested = PathPattern.compile("^/partners/[^/]+(/(status-history|processors(/[^/]+)?))?$");
        assertThat(nested.matches("/partners/1")).isTrue();
        assertThat(nested.matches("/partners/1/processors")).isTrue();
        assertThat(nested.matches("/partners/1/processors/2")).isTrue();
        assertThat(nested.matches("/partners/1/processors/2/3")).isFalse();
        assertThat(nested.matches("/partners/1/")).isFalse();

        PathPattern root = PathPattern.compile("^/$");
        assertThat(root.matches("/")).isTrue();
        assertThat(root.matches("//")).isFalse();
    }

    @Test
    void anExpressionOutsideTheCompiledShapeIsMatchedByTheExpressionItself() {
        for (String source : List.of("^/tasks/\\d+$", "^/tasks/[0-9]+$", "^/(?i)tasks$", "^/tasks/.+$", "^/t.sks$",
                "^/tasks/[^/]+?$", "^/tasks(/.*?)?$", "^/a{2}$", "/x^/y", "^/x$/y", "^/tasks/[^/]+x$", "^(/a)*$")) {
            PathPattern pattern = PathPattern.compile(source);
            assertThat(pattern.isCompiled()).as(source).isFalse();
            for (String path : List.of("/tasks/12", "/TASKS", "/tasks/x", "/tasks", "/tasks/", "/aa", "/a/a", "/tasks/1x",
                    "/t.sks", "/tisks")) {
                assertThat(pattern.matches(path)).as(source + " on " + path)
                        .isEqualTo(Pattern.compile(source).matcher(path).matches());
            }
        }
    }

    @Test
    void partnerRoutesPicksTheFirstRuleInItsOrderAsBefore() {
        Set<String> corpus = corpus(PartnerRoutes.rules().stream().map(r -> PathPattern.compile(r.path().pattern()))
                .toList(), 2_000);
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "get", "PATCH")) {
            for (String path : corpus) {
                String m = method.toUpperCase(java.util.Locale.ROOT);
                var expected = PartnerRoutes.rules().stream().filter(r -> r.methods().contains(m)
                        && r.path().matcher(path).matches()).findFirst();
                if (!PartnerRoutes.rule(method, path).equals(expected)) {
                    assertThat(PartnerRoutes.rule(method, path)).as(method + " " + path).isEqualTo(expected);
                }
            }
        }
    }

    private static List<String> configuredRoutes() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = PathPatternTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        List<String> routes = new ArrayList<>();
        for (int i = 0; properties.containsKey("gateway.routes[" + i + "].pattern"); i++) {
            routes.add(properties.getProperty("gateway.routes[" + i + "].pattern"));
        }
        assertThat(routes).isNotEmpty();
        return routes;
    }

    /** Paths from every expansion of the patterns (each any-segment and rest filled in), then mutated. */
    private static Set<String> corpus(List<PathPattern> patterns, int randomPaths) {
        Random random = new Random(19);
        Set<String> words = new LinkedHashSet<>(SAMPLES);
        Matcher word = Pattern.compile("[a-z][a-z0-9.-]*").matcher(String.join(" ", patterns.stream()
                .map(PathPattern::toString).toList()).replace("\\.", "."));
        while (word.find()) {
            words.add(word.group());
        }
        List<String> vocabulary = new ArrayList<>(words);
        Set<String> corpus = new LinkedHashSet<>();
        for (PathPattern pattern : patterns) {
            for (PathPattern.Alternative alternative : pattern.alternatives()) {
                for (int n = 0; n < 6; n++) {
                    StringBuilder path = new StringBuilder();
                    for (String segment : alternative.segments()) {
                        path.append('/').append(segment != null ? segment : pick(random, vocabulary));
                    }
                    if (alternative.rest()) {
                        path.append('/');
                        for (int r = random.nextInt(3); r > 0; r--) {
                            path.append(pick(random, vocabulary)).append(random.nextBoolean() ? "/" : "");
                        }
                    }
                    String base = path.length() == 0 ? "/" : path.toString();
                    corpus.add(base);
                    corpus.add(base + "/");
                    corpus.add(base + "/" + pick(random, vocabulary));
                    corpus.add(base + "\n");
                    corpus.add(base.replaceFirst("/[^/]*$", ""));
                    corpus.add(base.replaceFirst("/", "//"));
                    corpus.add(base.toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        for (int n = 0; n < randomPaths; n++) {
            StringBuilder path = new StringBuilder();
            for (int s = random.nextInt(6); s >= 0; s--) {
                path.append('/').append(pick(random, vocabulary));
            }
            corpus.add(path.toString());
        }
        corpus.add("");
        corpus.add("/");
        corpus.add("//");
        return corpus;
    }

    private static String pick(Random random, List<String> vocabulary) {
        return vocabulary.get(random.nextInt(vocabulary.size()));
    }
}

package com.privacyplatform.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A regular expression on a path below {@code /api} (the routes' and public paths' configuration, the
 * rules of {@link PartnerRoutes}), precompiled into segment matching so that no regular expression
 * runs per request (issue 19). {@link #matches} gives exactly what {@code Pattern.matcher(path).matches()}
 * gives.
 *
 * <p>The expressions in use are of one shape: anchors {@code ^ $}, literal characters (escaped ones such
 * as {@code \.} included), {@code [^/]+} for one segment, groups {@code (...)} / {@code (?:...)} with
 * alternatives {@code |}, optional groups {@code (...)?}, and {@code .*} after a slash at the end
 * ({@code (/.*)?}: anything further). Such an expression is expanded into its finitely many
 * alternatives, each a list of segments (a literal, or any non-empty segment) with or without "and
 * anything after a further slash". An expression outside that shape (a class other than
 * {@code [^/]}, another quantifier, a back-reference, too many alternatives) is matched with the
 * regular expression itself, so that any configured route still behaves as written.
 */
public final class PathPattern {

    private static final int MAX_ALTERNATIVES = 512;

    private final String source;
    private final Pattern regex;
    /** Null when the expression is outside the compiled shape: {@link #regex} decides. */
    private final Alternative[] alternatives;

    /** One expansion: segment literals ({@code null}: any non-empty segment), then optionally {@code /.*}. */
    record Alternative(String[] segments, boolean rest) {

        boolean matches(PathSegments path) {
            int k = segments.length;
            if (rest ? path.count() <= k : path.count() != k) {
                return false;
            }
            for (int i = 0; i < k; i++) {
                String literal = segments[i];
                if (literal == null ? path.isEmpty(i) : !path.segmentIs(i, literal)) {
                    return false;
                }
            }
            return !rest || path.restIsOneLine(k);
        }

        /** The first segment's literal, or null when it is any segment. */
        String first() {
            return segments.length == 0 ? null : segments[0];
        }
    }

    private PathPattern(String source) {
        this.source = source;
        this.regex = Pattern.compile(source);
        this.alternatives = Compiler.compile(source);
    }

    public static PathPattern compile(String regex) {
        return new PathPattern(regex);
    }

    public boolean matches(PathSegments path) {
        if (alternatives == null) {
            return regex.matcher(path.path()).matches();
        }
        for (Alternative alternative : alternatives) {
            if (alternative.matches(path)) {
                return true;
            }
        }
        return false;
    }

    public boolean matches(String path) {
        return matches(PathSegments.of(path));
    }

    /** Whether the expression is matched by segments (true) or by the regular expression itself. */
    public boolean isCompiled() {
        return alternatives != null;
    }

    /**
     * The literal first segments this pattern can match, or null when it may match a path whose first
     * segment is anything (a first segment {@code [^/]+}, or an expression that was not compiled).
     */
    List<String> firstSegments() {
        if (alternatives == null) {
            return null;
        }
        List<String> firsts = new ArrayList<>();
        for (Alternative alternative : alternatives) {
            String first = alternative.first();
            if (first == null) {
                return null;
            }
            if (!firsts.contains(first)) {
                firsts.add(first);
            }
        }
        return firsts;
    }

    /** The expansions (tests: paths built from them); empty when not compiled. */
    List<Alternative> alternatives() {
        return alternatives == null ? List.of() : List.of(alternatives);
    }

    public Pattern regex() {
        return regex;
    }

    @Override
    public String toString() {
        return source;
    }

    /** Expands an expression of the compiled shape; null for anything else. */
    static final class Compiler {

        private static final char SEGMENT = '\uE000';
        private static final char ANY = '\uE001';
        private static final char BEGIN = '\uE002';
        private static final char END = '\uE003';

        private final String source;
        private int pos;

        private Compiler(String source) {
            this.source = source;
        }

        static Alternative[] compile(String source) {
            try {
                Compiler compiler = new Compiler(source);
                List<StringBuilder> expansions = compiler.alternation();
                if (compiler.pos != source.length()) {
                    return null;
                }
                List<Alternative> alternatives = new ArrayList<>();
                for (StringBuilder expansion : expansions) {
                    Alternative alternative = alternative(expansion);
                    if (alternative == null) {
                        return null;
                    }
                    alternatives.add(alternative);
                }
                return alternatives.toArray(Alternative[]::new);
            } catch (Unsupported e) {
                return null;
            }
        }

        /** An expansion (literal characters and the markers) as segments; null when it has no such form. */
        private static Alternative alternative(StringBuilder expansion) {
            String s = expansion.toString();
            int from = 0;
            int to = s.length();
            if (from < to && s.charAt(from) == BEGIN) {
                from++;
            }
            if (to > from && s.charAt(to - 1) == END) {
                to--;
            }
            s = s.substring(from, to);
            if (s.indexOf(BEGIN) >= 0 || s.indexOf(END) >= 0 || s.isEmpty() || s.charAt(0) != '/') {
                return null; // an anchor inside, or a path that does not start at a slash
            }
            String[] parts = s.substring(1).split("/", -1);
            boolean rest = false;
            int k = parts.length;
            if (parts[k - 1].indexOf(ANY) >= 0) {
                if (!parts[k - 1].equals(String.valueOf(ANY))) {
                    return null;
                }
                rest = true;
                k--;
            }
            String[] segments = new String[k];
            for (int i = 0; i < k; i++) {
                String part = parts[i];
                if (part.indexOf(ANY) >= 0) {
                    return null;
                }
                if (part.indexOf(SEGMENT) >= 0) {
                    if (!part.equals(String.valueOf(SEGMENT))) {
                        return null; // a segment that is partly literal
                    }
                    segments[i] = null;
                } else {
                    segments[i] = part;
                }
            }
            return new Alternative(segments, rest);
        }

        private List<StringBuilder> alternation() {
            List<StringBuilder> all = new ArrayList<>(sequence());
            while (pos < source.length() && source.charAt(pos) == '|') {
                pos++;
                all.addAll(sequence());
                limit(all.size());
            }
            return all;
        }

        private List<StringBuilder> sequence() {
            List<StringBuilder> result = new ArrayList<>();
            result.add(new StringBuilder());
            while (pos < source.length() && source.charAt(pos) != '|' && source.charAt(pos) != ')') {
                List<StringBuilder> item = item();
                List<StringBuilder> product = new ArrayList<>();
                for (StringBuilder prefix : result) {
                    for (StringBuilder suffix : item) {
                        product.add(new StringBuilder(prefix).append(suffix));
                    }
                }
                limit(product.size());
                result = product;
            }
            return result;
        }

        private List<StringBuilder> item() {
            char c = source.charAt(pos++);
            List<StringBuilder> atom;
            switch (c) {
                case '(' -> {
                    if (source.startsWith("?:", pos)) {
                        pos += 2;
                    } else if (pos < source.length() && source.charAt(pos) == '?') {
                        throw new Unsupported(); // look-arounds, named groups, flags
                    }
                    atom = alternation();
                    if (pos >= source.length() || source.charAt(pos) != ')') {
                        throw new Unsupported();
                    }
                    pos++;
                }
                case '[' -> {
                    if (!source.startsWith("^/]+", pos)) {
                        throw new Unsupported();
                    }
                    pos += 4;
                    atom = single(SEGMENT);
                }
                case '.' -> {
                    if (pos >= source.length() || source.charAt(pos) != '*') {
                        throw new Unsupported();
                    }
                    pos++;
                    atom = single(ANY);
                }
                case '\\' -> {
                    if (pos >= source.length() || Character.isLetterOrDigit(source.charAt(pos))) {
                        throw new Unsupported(); // \d, \w, \Q, back-references, ...
                    }
                    atom = single(source.charAt(pos++));
                }
                case '^' -> atom = single(BEGIN);
                case '$' -> atom = single(END);
                default -> {
                    if (!literal(c)) {
                        throw new Unsupported();
                    }
                    atom = single(c);
                }
            }
            if ((c == '[' || c == '.') && pos < source.length() && "?+*{".indexOf(source.charAt(pos)) >= 0) {
                throw new Unsupported(); // [^/]+? or .*+ and the like
            }
            if (pos < source.length()) {
                char q = source.charAt(pos);
                if (q == '?') {
                    pos++;
                    if (pos < source.length() && (source.charAt(pos) == '?' || source.charAt(pos) == '+')) {
                        throw new Unsupported();
                    }
                    List<StringBuilder> optional = new ArrayList<>(atom);
                    optional.add(new StringBuilder());
                    atom = optional;
                } else if (q == '*' || q == '+' || q == '{') {
                    throw new Unsupported();
                }
            }
            return atom;
        }

        private static boolean literal(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "/-_~%,;=@!':&".indexOf(c) >= 0;
        }

        private static List<StringBuilder> single(char c) {
            List<StringBuilder> one = new ArrayList<>(1);
            one.add(new StringBuilder().append(c));
            return one;
        }

        private static void limit(int size) {
            if (size > MAX_ALTERNATIVES) {
                throw new Unsupported();
            }
        }
    }

    private static final class Unsupported extends RuntimeException {

        Unsupported() {
            super(null, null, false, false);
        }
    }
}

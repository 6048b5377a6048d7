package com.privacyplatform.gateway.routing;

import java.util.Arrays;

/**
 * A path below {@code /api} cut at its slashes once per request, without copying it: segment
 * {@code i} is {@code path[start(i), end(i))}. {@code /partners/42} has the segments {@code partners}
 * and {@code 42}; {@code /} one empty segment; {@code /consents/} the segments {@code consents} and
 * an empty one. A path that does not start with {@code /} has no segments ({@link #count()} 0).
 * The matching ({@link PathPattern}) compares segments in place.
 */
public final class PathSegments {

    private final String path;
    private int[] starts = new int[8];
    private int count;

    private PathSegments(String path) {
        this.path = path;
        if (path.isEmpty() || path.charAt(0) != '/') {
            return;
        }
        starts[count++] = 1;
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
    }

    public static PathSegments of(String path) {
        return new PathSegments(path);
    }

    public String path() {
        return path;
    }

    public int count() {
        return count;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return i + 1 < count ? starts[i + 1] - 1 : path.length();
    }

    boolean isEmpty(int i) {
        return end(i) == start(i);
    }

    /** Whether segment {@code i} is exactly {@code literal}. */
    boolean segmentIs(int i, String literal) {
        int start = start(i);
        return end(i) - start == literal.length() && path.startsWith(literal, start);
    }

    /** Whether the path from segment {@code i} to its end holds no line terminator (what {@code .*} matches). */
    boolean restIsOneLine(int i) {
        for (int c = start(i); c < path.length(); c++) {
            char ch = path.charAt(c);
            if (ch == '\n' || ch == '\r' || ch == '\u0085' || ch == '\u2028' || ch == '\u2029') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return path;
    }
}

package com.privacyplatform.commons.http;

/**
 * The shape of a path for logs and metrics: resource words stay, everything else (ids, subject ids)
 * becomes {@code {id}}. The gateway's access log writes it; {@link PathShapeTemplates} gives it to the
 * HTTP server metrics of every request that no endpoint template names.
 */
public final class PathShape {

    private PathShape() {
    }

    public static String of(String path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end > start) {
                out.append('/');
                if (isWord(path, start, end)) {
                    out.append(path, start, end);
                } else {
                    out.append("{id}");
                }
            }
            start = end + 1;
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /** A resource word: {@code [a-z][a-z-]*}, or {@code .well-known}, {@code jwks.json}, {@code openapi.json}. */
    private static boolean isWord(String path, int start, int end) {
        if (path.startsWith(".well-known", start) && end - start == 11 || path.startsWith("jwks.json", start)
                && end - start == 9 || path.startsWith("openapi.json", start) && end - start == 12) {
            return true;
        }
        char first = path.charAt(start);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            char c = path.charAt(i);
            if ((c < 'a' || c > 'z') && c != '-') {
                return false;
            }
        }
        return true;
    }
}

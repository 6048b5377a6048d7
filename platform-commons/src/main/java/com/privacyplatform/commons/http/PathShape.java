package com.privacyplatform.commons.http;

/**
 * The shape of a path for logs and metrics: a segment that is a literal word of the platform's
 * paths ({@link PathWords}) stays, every other one - ids, subject ids, names, even a lowercase word
 * such as {@code alice} (16.3: no log line holds a subject id) - becomes {@code {id}}. The gateway's
 * access log writes it; {@link PathShapeTemplates} gives it to the HTTP server metrics of every
 * request that no endpoint template names.
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
                if (PathWords.contains(path, start, end)) {
                    out.append(path, start, end);
                } else {
                    out.append("{id}");
                }
            }
            start = end + 1;
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}

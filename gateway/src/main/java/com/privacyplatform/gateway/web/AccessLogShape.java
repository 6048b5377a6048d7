package com.privacyplatform.gateway.web;

import java.util.regex.Pattern;

/** The shape of a path for logs: resource words stay, everything else (ids, subject ids) becomes {@code {id}}. */
public final class AccessLogShape {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]*|\\.well-known|jwks\\.json|openapi\\.json");

    private AccessLogShape() {
    }

    public static String of(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/').append(WORD.matcher(segment).matches() ? segment : "{id}");
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}

package com.privacyplatform.commons.http;

import com.privacyplatform.commons.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP (API-CONVENTIONS.md "Concurrency"): views carry the entity
 * version as a strong {@code ETag}; an {@code If-Match} that names another version is a 412.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Passes when {@code ifMatch} is absent, {@code *}, or lists the current version's ETag. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = etag(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2); // weak comparison is enough for a version number
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed(
                "the resource has changed (current ETag " + current + "); read it again and retry");
    }
}

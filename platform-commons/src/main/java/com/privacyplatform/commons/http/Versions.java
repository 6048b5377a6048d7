package com.privacyplatform.commons.http;

import com.privacyplatform.commons.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Optimistic concurrency over HTTP (API-CONVENTIONS.md "Concurrency"): views carry the entity
 * version as a strong {@code ETag}; an {@code If-Match} that names another version is a 412.
 */
public final class Versions {

    /** The OpenAPI description of an answer that carries the resource's current state and its {@code ETag}. */
    public static final String CURRENT_STATE = "The current state; ETag is its version";

    /** The OpenAPI description of a creating {@code POST}'s 201. */
    public static final String CREATED = "Created; Location and ETag name it";

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The strong entity tag of a version, as the {@code ETag} header carries it: {@code "3"}. */
    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the view and its version as {@code ETag}. */
    public static Response ok(Object view, long version) {
        return Response.ok(view).tag(tag(version)).build();
    }

    /** 201 with {@code Location}, the view and its version as {@code ETag}. */
    public static Response created(URI location, Object view, long version) {
        return Response.created(location).tag(tag(version)).entity(view).build();
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
